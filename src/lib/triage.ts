// Red-flag triage: pure logic shared by the build, the checklist island and the tests.
import { isValidId } from './urls.ts';
import { currentSignId, SIGN_RENAMES } from './sign-renames.ts';

/** Tiers, most serious first. The order is the contract: triage never goes down it. */
export const TIERS = ['emergency', 'a-and-e', 'urgent', 'soon', 'self-care'] as const;
export type Tier = (typeof TIERS)[number];

export interface Sign {
  id: string;
  tier: Tier;
}

const rank = (tier: Tier): number => TIERS.indexOf(tier);

/** The more serious of two tiers. */
export function worse(a: Tier, b: Tier): Tier {
  return rank(a) <= rank(b) ? a : b;
}

/**
 * The tier for a set of ticked signs: the most serious tier among them, or
 * `self-care` when none is ticked. Ids that match no sign are ignored.
 */
export function triage(ticked: Iterable<string>, signs: readonly Sign[]): Tier {
  const byId = new Map(signs.map((s) => [s.id, s.tier]));
  let result: Tier = 'self-care';
  for (const id of ticked) {
    const tier = byId.get(id);
    if (tier) result = worse(result, tier);
  }
  return result;
}

/** Signs grouped by tier, most serious tier first, keeping each group's order. */
export function groupByTier<S extends Sign>(signs: readonly S[]): { tier: Tier; signs: S[] }[] {
  return TIERS.filter((t) => t !== 'self-care')
    .map((tier) => ({ tier, signs: signs.filter((s) => s.tier === tier) }))
    .filter((g) => g.signs.length > 0);
}

const CHECK = /^#?check=/;

/**
 * Reads `#check=id,id` into the known ids it names, in sign order, without
 * duplicates. Anything unknown, malformed or hostile is dropped, never thrown.
 */
export function parseCheckHash(
  hash: string,
  known: readonly string[],
  renames: Readonly<Record<string, string>> = SIGN_RENAMES,
): string[] {
  if (!CHECK.test(hash)) return [];
  let raw = hash.replace(CHECK, '');
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A broken escape: keep the raw text; unknown ids are dropped below.
  }
  // A renamed sign's old id (from an old clinic link or QR code) ticks the sign it became.
  const asked = new Set(
    raw
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(isValidId)
      .map((id) => currentSignId(id, renames)),
  );
  return known.filter((id) => asked.has(id));
}

/** The hash for a set of ticked ids, or '' when none is ticked. */
export function formatCheckHash(ticked: readonly string[]): string {
  return ticked.length ? `#check=${ticked.join(',')}` : '';
}
