// The guide's words, built from the indexed page text at build time and read
// by the search page to correct misspellings without asking Pagefind.
// Serialised as the words alone, commonest first, one space between: the
// order is the frequency (a word's rank breaks ties between corrections).
import type { SignPhrases } from './danger-signs.ts';
import { words } from './search-tokens.ts';

/** Shorter words are left out: too short to correct safely, and Pagefind matches them anyway. */
export const MIN_WORD_LENGTH = 3;
/** The built file the search page fetches with the engine (src/lib/search-words.ts). */
export const SEARCH_WORDS_PATH = '/search-words.json';

export interface SearchWords {
  /** buildVocabulary's output. */
  words: string;
  filler: string[];
  synonyms: [string, string][];
  signs: SignPhrases[];
  /** Pages shown first for a query that names their phrases (content/search-terms.yaml). */
  pinned: SignPhrases[];
  /** Real English words the guide lacks that look like guide words, one space between. */
  real: string;
}

/** How many pages hold each word of letters alone (the words spelling can correct), and how often it appears in all, without the `skip` words. */
export function wordCounts(
  pages: Iterable<string>,
  skip: readonly string[] = [],
): { pagesWith: Map<string, number>; uses: Map<string, number> } {
  const pagesWith = new Map<string, number>();
  const uses = new Map<string, number>();
  for (const text of pages) {
    const held = words(text).filter((w) => w.length >= MIN_WORD_LENGTH && /^\p{L}+$/u.test(w) && !skip.includes(w));
    for (const w of held) uses.set(w, (uses.get(w) ?? 0) + 1);
    for (const w of new Set(held)) pagesWith.set(w, (pagesWith.get(w) ?? 0) + 1);
  }
  return { pagesWith, uses };
}

/**
 * The vocabulary of many pages, commonest first (by how many pages hold a
 * word, then how often it appears), without the `skip` words (filler, which
 * never searches, so no typo is corrected to it).
 */
export function buildVocabulary(
  pages: Iterable<string>,
  skip: readonly string[] = [],
  limit = 40_000,
  counts = wordCounts(pages, skip),
): string {
  const { pagesWith, uses } = counts;
  return [...pagesWith.keys()]
    .sort((a, b) => pagesWith.get(b)! - pagesWith.get(a)! || uses.get(b)! - uses.get(a)! || a.localeCompare(b))
    .slice(0, limit)
    .join(' ');
}

/** Each word with its rank: 0 for the commonest. */
export type Vocabulary = ReadonlyMap<string, number>;

export function parseVocabulary(text: string): Vocabulary {
  return new Map(
    text
      .split(' ')
      .filter(Boolean)
      .map((w, i) => [w, i]),
  );
}
