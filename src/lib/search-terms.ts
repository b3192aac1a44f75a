// Reads content/search-terms.yaml: filler words, what runners type for the guide's words,
// and the phrases that name each warning sign. Checked at build time: a sign
// id that is not in content/red-flags.yaml fails with the file and key named.
import type { SignPhrases } from './danger-signs.ts';

export const SEARCH_TERMS_FILE = 'content/search-terms.yaml';

export interface SearchTerms {
  /** Words with no meaning of their own in a question. */
  filler: string[];
  /** [what a runner types, the guide's word for it], longest typed phrase first. */
  synonyms: [string, string][];
  /** Phrases for each sign, in the order of `redFlagIds`. */
  signs: SignPhrases[];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

export function parseSearchTerms(data: unknown, redFlagIds: readonly string[], file = SEARCH_TERMS_FILE): SearchTerms {
  const fail = (key: string, why: string): never => { throw new Error(`${file}: ${key}: ${why}`); };
  const { filler = [], synonyms = {}, signs = {} } = (data ?? {}) as { filler?: unknown; synonyms?: Record<string, unknown>; signs?: Record<string, unknown> };
  if (!isStrings(filler)) fail('filler', 'give a list of words');
  const pairs: [string, string][] = [];
  for (const [guide, typed] of Object.entries(synonyms)) {
    if (!isStrings(typed)) fail(`synonyms.${guide}`, 'give a list of what runners type for this word');
    for (const t of typed as string[]) pairs.push([t.toLowerCase(), guide.toLowerCase()]);
  }
  pairs.sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
  for (const [id, entry] of Object.entries(signs)) {
    if (!redFlagIds.includes(id)) fail(`signs.${id}`, `"${id}" is not a red-flag id in content/red-flags.yaml. Check the spelling.`);
    const { phrases, unless = [] } = (entry ?? {}) as { phrases?: unknown; unless?: unknown };
    if (!isStrings(phrases)) fail(`signs.${id}.phrases`, 'give a list of phrases');
    if (!isStrings(unless)) fail(`signs.${id}.unless`, 'give a list of words');
  }
  const byId = signs as Record<string, { phrases: string[]; unless?: string[] }>;
  return {
    filler: (filler as string[]).map((w) => w.toLowerCase()),
    synonyms: pairs,
    signs: redFlagIds.filter((id) => id in byId).map((id) => ({ id, phrases: byId[id]!.phrases, unless: byId[id]!.unless ?? [] })),
  };
}
