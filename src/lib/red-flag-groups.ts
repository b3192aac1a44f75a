// The checklist's groups of warning signs, and the care cards each tier is
// shown as. Pure logic: the build and the tests share it.
import { TIERS, type Sign, type Tier } from './triage.ts';

export interface SignGroup {
  id: string;
  heading: string;
  signs: string[];
}

/** NHS care cards hold five signs at most. */
export const MAX_SIGNS_PER_CARD = 5;

/**
 * Problems with the groups, in words for the editors: a sign in no group, in
 * two, or a group naming a sign that does not exist. Empty when all is well.
 */
export function groupProblems(groups: readonly SignGroup[], signIds: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const g of groups) {
    for (const id of g.signs) {
      if (!signIds.includes(id)) problems.push(`group "${g.id}" names "${id}", which is not a warning sign.`);
      const other = seen.get(id);
      if (other) problems.push(`"${id}" is in two groups: "${other}" and "${g.id}". Keep it in one.`);
      seen.set(id, g.id);
    }
  }
  for (const id of signIds) if (!seen.has(id)) problems.push(`"${id}" is in no group: add it to one.`);
  return problems;
}

/** The groups with their signs resolved, in the groups' order (the content loader has checked them with groupProblems). */
export function groupSigns<S extends Sign>(
  groups: readonly SignGroup[],
  signs: readonly S[],
): { id: string; heading: string; signs: S[] }[] {
  const byId = new Map(signs.map((s) => [s.id, s]));
  return groups.map((g) => ({ id: g.id, heading: g.heading, signs: g.signs.map((id) => byId.get(id)!) }));
}

export interface CareCard<S> {
  tier: Tier;
  groups: string[];
  signs: S[];
}

/**
 * Each tier's signs as care cards of at most five, most serious tier first.
 * Signs keep their groups' order; a card takes whole groups while they fit,
 * so a reader sees related signs together.
 */
export function careCards<S extends Sign>(
  grouped: readonly { heading: string; signs: S[] }[],
  max = MAX_SIGNS_PER_CARD,
): CareCard<S>[] {
  const cards: CareCard<S>[] = [];
  for (const tier of TIERS) {
    let card: CareCard<S> | undefined;
    for (const g of grouped) {
      const signs = g.signs.filter((s) => s.tier === tier);
      for (let i = 0; i < signs.length; i += max) {
        const part = signs.slice(i, i + max);
        if (!card || card.signs.length + part.length > max) {
          card = { tier, groups: [], signs: [] };
          cards.push(card);
        }
        card.groups.push(g.heading);
        card.signs.push(...part);
      }
    }
  }
  return cards;
}
