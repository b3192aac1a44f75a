// Reads content/search-terms.yaml: filler words, what runners type for the guide's words,
// and the phrases that name each warning sign. Checked at build time: a sign
// id that is not in content/red-flags.yaml fails with the file and key named.
import { phraseWords, type SignPhrases } from './danger-signs.ts';

export const SEARCH_TERMS_FILE = 'content/search-terms.yaml';

export interface SearchTerms {
  /** Words with no meaning of their own in a question. */
  filler: string[];
  /** [what a runner types, the guide's word for it], longest typed phrase first. */
  synonyms: [string, string][];
  /** Phrases for each sign, in the order of `redFlagIds`. */
  signs: SignPhrases[];
  /** Pages shown first for a query that names their phrases; `id` is the page's path. */
  pinned: SignPhrases[];
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

export function parseSearchTerms(data: unknown, redFlagIds: readonly string[], file = SEARCH_TERMS_FILE): SearchTerms {
  const fail = (key: string, why: string): never => {
    throw new Error(`${file}: ${key}: ${why}`);
  };
  const {
    filler = [],
    synonyms = {},
    signs = {},
    pinned = [],
  } = (data ?? {}) as {
    filler?: unknown;
    synonyms?: Record<string, unknown>;
    signs?: Record<string, unknown>;
    pinned?: unknown;
  };
  if (!isStrings(filler)) fail('filler', 'give a list of words');
  const pairs: [string, string][] = [];
  for (const [guide, typed] of Object.entries(synonyms)) {
    if (!isStrings(typed)) fail(`synonyms.${guide}`, 'give a list of what runners type for this word');
    for (const t of typed as string[]) pairs.push([t.toLowerCase(), guide.toLowerCase()]);
  }
  pairs.sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
  for (const [id, entry] of Object.entries(signs)) {
    if (!redFlagIds.includes(id))
      fail(`signs.${id}`, `"${id}" is not a red-flag id in content/red-flags.yaml. Check the spelling.`);
    const { phrases, unless = [] } = (entry ?? {}) as { phrases?: unknown; unless?: unknown };
    if (!isStrings(phrases)) fail(`signs.${id}.phrases`, 'give a list of phrases');
    if (!isStrings(unless)) fail(`signs.${id}.unless`, 'give a list of words');
  }
  if (!Array.isArray(pinned)) fail('pinned', 'give a list of { page, phrases, unless }');
  const pins = (pinned as { page?: unknown; phrases?: unknown; unless?: unknown }[]).map(
    ({ page, phrases, unless = [] }, i) => {
      if (typeof page !== 'string' || !/^\/([a-z0-9-]+\/)+$/.test(page))
        fail(`pinned[${i}].page`, "give the page's path, e.g. /faq/some-question/");
      if (!isStrings(phrases)) fail(`pinned[${i}].phrases`, 'give a list of phrases');
      if (!isStrings(unless)) fail(`pinned[${i}].unless`, 'give a list of words');
      return {
        id: page as string,
        phrases: (phrases as string[]).map(phraseWords),
        unless: (unless as string[]).map(phraseWords),
      };
    },
  );
  const byId = signs as Record<string, { phrases: string[]; unless?: string[] }>;
  return {
    filler: (filler as string[]).map((w) => w.toLowerCase()),
    synonyms: pairs,
    signs: redFlagIds
      .filter((id) => id in byId)
      .map((id) => ({
        id,
        phrases: byId[id]!.phrases.map(phraseWords),
        unless: (byId[id]!.unless ?? []).map(phraseWords),
      })),
    pinned: pins,
  };
}

/** The 1-based line of the file that first holds `text`, for error messages; 0 if none does. */
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

/**
 * Checks the terms against the built guide: every synonym's guide words are
 * words some page holds, and every pinned page exists. A mistake fails the
 * build with the file and line.
 */
export function checkSearchTerms(
  terms: SearchTerms,
  holds: (word: string) => boolean,
  exists: (page: string) => boolean,
  source: string,
  file = SEARCH_TERMS_FILE,
  /** Whether search finds a page for the word: some page holds it, in some form, or it corrects to a word one holds. */
  finds: (word: string) => boolean = holds,
): void {
  const problems: string[] = [];
  for (const [typed, guide] of terms.synonyms) {
    const lacking = guide.split(' ').filter((w) => !holds(w));
    if (lacking.length > 0)
      problems.push(
        `${file}:${lineOf(source, `${guide}:`)}: synonyms.${guide} ("${typed}"): no page holds "${lacking.join(' ')}", so the synonym would find nothing. Use a word the pages use.`,
      );
  }
  for (const { id, phrases } of terms.pinned) {
    if (!exists(id))
      problems.push(
        `${file}:${lineOf(source, id)}: pinned page ${id} is not a page of the built site. Check the path.`,
      );
    // A page is pinned only when the search found it: a phrase whose words no page holds finds nothing to pin.
    for (const phrase of phrases)
      if (!phrase.split(' ').some(finds))
        problems.push(
          `${file}:${lineOf(source, id)}: pinned ${id}: no page holds a word of "${phrase}", so a query naming it finds nothing to pin. Add it to the page's searchPhrases.`,
        );
  }
  if (problems.length > 0) throw new Error([...new Set(problems)].join('\n'));
}
