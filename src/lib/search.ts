// Search for /search/: pure logic over Pagefind's JS API, shared by the page
// script, the tests and the bench.
//
// A query is first planned without Pagefind: filler words are set aside (they
// match whole words only, so they never search), what runners type is swapped
// for the guide's word (content/search-terms.yaml), and a word the guide lacks
// is corrected to its nearest word or named as missing. Then a fixed number of
// Pagefind searches run, whatever the query's length: one for every word
// together (Pagefind's own ranking, and excerpts that mark every word), and one
// each for the rarest four words, so a page need not hold every word: a
// runner's long story is rarely all on one page.
import { correctWord } from './spelling.ts';
import { singular, words } from './search-tokens.ts';
import { MIN_WORD_LENGTH, type Vocabulary } from './search-vocabulary.ts';
import type { SearchText } from './search-text.ts';

/** Longer input is cut: no real question needs more, and it keeps the URL sane. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many meaningful words are searched (filler does not count). */
export const MAX_WORDS = 12;
/** Searches besides the one for every word together: a long story's telling words (tuned on tests/search-eval/dev.json; each costs a search). */
export const MAX_EXTRA_SEARCHES = 4;
/**
 * Words this common (by rank) are not searched alone: nearly every page holds
 * them. (38, every word on half the guide's pages, cost a committed query its
 * answer: "swelling", rank 29, alone finds the clot pages for "leg swelling on one side".)
 */
export const COMMON_RANK = 25;

/** Stands in the search page's data-engine until the index is built; src/integrations/pagefind.ts puts the index's tag there. */
export const ENGINE_TAG_PLACEHOLDER = 'pagefind-tag';

/**
 * The preload links for the files Pagefind fetches first, from its
 * pagefind-entry.json: its script, the entry (at the address Pagefind asks for
 * when told the tag as metaCacheTag), and each language's metadata and WebAssembly.
 */
export function enginePreloads(
  entry: { languages: Record<string, { hash: string; wasm?: string | null }> },
  base = '/pagefind/',
): { tag: string; links: string } {
  const languages = Object.values(entry.languages);
  const tag = languages[0]?.hash ?? '';
  const fetched = [
    `${base}pagefind-entry.json?ts=${tag}`,
    ...languages.flatMap((l) => [
      `${base}pagefind.${l.hash}.pf_meta`,
      ...(l.wasm ? [`${base}wasm.${l.wasm}.pagefind`] : []),
    ]),
  ];
  return {
    tag,
    links: [
      `<link rel="modulepreload" href="${base}pagefind.js">`,
      ...fetched.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`),
    ].join(''),
  };
}

/** The filter every indexed page carries. */
export const SECTION_FILTER = 'section';

/** One line of input, trimmed, with runs of spaces collapsed and cut to the maximum length. */
export function cleanQuery(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

export interface PlanOptions {
  vocabulary?: Vocabulary;
  /** Words with no meaning of their own (content/search-terms.yaml). */
  filler?: readonly string[];
  /** [typed, the guide's words], longest typed phrase first, each one the guide can use (src/lib/search-words.ts). */
  synonyms?: readonly (readonly [string, string])[];
  /** Real English words the guide lacks that look like guide words: named, never corrected. */
  real?: ReadonlySet<string>;
  /** Search the words as typed: no synonyms, no corrections. */
  exact?: boolean;
  /** The last word may still be being typed: the start of a guide word counts as known. */
  typing?: boolean;
}

export interface QueryPlan {
  /** The cleaned query. */
  query: string;
  /** Meaningful words to search, distinct, at most MAX_WORDS. */
  terms: string[];
  /** The query as searched, when a word was corrected ("Showing results for ..."); otherwise ''. */
  corrected: string;
  /** Words no page mentions, as typed. */
  missing: string[];
  /** Every word, typed and searched, for matching warning signs. */
  said: string[];
}

/** Plans a query: which words to search, what was corrected, what no page mentions. No Pagefind call. */
export function planQuery(
  raw: string,
  { vocabulary, filler = [], synonyms = [], real, exact = false, typing = false }: PlanOptions = {},
): QueryPlan {
  const query = cleanQuery(raw);
  const typed = words(query);
  const terms: string[] = [];
  const shown: string[] = [];
  const missing: string[] = [];
  const add = (words: string) => {
    for (const w of words.split(' ')) if (!terms.includes(w) && terms.length < MAX_WORDS) terms.push(w);
  };
  for (let i = 0; i < typed.length; i++) {
    const word = typed[i]!;
    const swap = exact ? undefined : synonyms.find(([t]) => t.split(' ').every((p, j) => typed[i + j] === p));
    if (swap) {
      const n = swap[0].split(' ').length;
      add(swap[1]);
      shown.push(...typed.slice(i, i + n));
      i += n - 1;
    } else if (filler.includes(word)) {
      shown.push(word);
    } else {
      const to =
        exact || !vocabulary
          ? word
          : correctWord(word, vocabulary, { partial: typing && i === typed.length - 1, real });
      if (to) add(to);
      else missing.push(word);
      shown.push(to || word);
    }
  }
  // A question of filler alone ("is it ok") still searches its words.
  if (terms.length === 0 && missing.length === 0) typed.forEach(add);
  const searched = shown.join(' ');
  return {
    query,
    terms,
    corrected: searched === typed.join(' ') ? '' : searched,
    missing,
    said: [...new Set([...typed, ...terms])],
  };
}

/**
 * The searches for a query's words, at most 1 + MAX_EXTRA_SEARCHES of them:
 * every word together first (Pagefind matches pages holding all of them);
 * then, so a page need not hold every word, the rarest words alone, the most
 * telling first (never the guide's commonest: nearly every page holds them).
 * Unknown words count as rare; words too short for the vocabulary do not, nor
 * words commoner than rank `common`.
 */
export function searchTerms(terms: readonly string[], vocabulary?: Vocabulary, common = COMMON_RANK): string[] {
  if (terms.length < 2) return [...terms];
  const rank = (w: string) => vocabulary?.get(w) ?? Infinity;
  // A word too short for the vocabulary, or a number, is not unknown ("go", "800"): never searched alone.
  const rare = [...terms]
    .sort((a, b) => rank(b) - rank(a))
    .filter((w) => rank(w) >= common && w.length >= MIN_WORD_LENGTH && /\p{L}/u.test(w));
  return [...new Set([terms.join(' '), ...rare.slice(0, MAX_EXTRA_SEARCHES)])];
}

export interface Scored {
  id: string;
  score: number;
}

/** How much the every-word search counts against one telling word alone (tuned on tests/search-eval/dev.json). */
export const TOGETHER_WEIGHT = 0.5;

/**
 * How telling a word is: the inverse of how many of the `pages` hold it
 * (its own search's result count), so a rare word outweighs common ones.
 */
export const tellingness = (held: number, pages: number) => Math.log(1 + (pages + 1) / (held + 0.5));

/**
 * Merges the searches into one ranking. Each search adds to a page its
 * Pagefind score (relative to that search's best) times the search's weight:
 * a telling word alone weighs its tellingness; every word together weighs
 * TOGETHER_WEIGHT times the most telling word's. So a page that is about the
 * rare word can beat one that holds the common words and the rare one in passing.
 */
export function mergeHits<H extends Scored>(together: H[], others: H[][], pages = 0): H[] {
  const total = Math.max(pages, together.length, ...others.map((o) => o.length));
  const weights = others.map((o) => tellingness(o.length, total));
  const lists: [H[], number][] = [
    [together, TOGETHER_WEIGHT * Math.max(1, ...weights)],
    ...others.map((o, i) => [o, weights[i]!] as [H[], number]),
  ];
  const scored = new Map<string, [H, number]>();
  for (const [list, weight] of lists) {
    const best = Math.max(...list.map((h) => h.score), 1e-9);
    for (const h of list)
      scored.set(h.id, [scored.get(h.id)?.[0] ?? h, (scored.get(h.id)?.[1] ?? 0) + (weight * h.score) / best]);
  }
  // Map order is first-found order, and the sort is stable: ties keep it.
  return [...scored.values()].sort((a, b) => b[1] - a[1]).map(([h]) => h);
}

/**
 * Words this common (by rank) do not reorder results by title: a word held on half the pages is no sign that a
 * page titled with it is the answer ("training" and "Cross-training"). Tuned on tests/search-eval/dev-3.json.
 */
export const TITLE_RANK = 100;

/** How many of the words a title holds (a title word that begins with one, or with its singular, counts: "running" holds "run", "calf" holds "calves"). */
export function titleHits(terms: readonly string[], title: string): number {
  const held = words(title);
  return terms.filter((t) => held.some((w) => w.startsWith(t) || w.startsWith(singular(t)))).length;
}

/**
 * Results whose titles hold more of the query's two most telling words first
 * ("massage" in "massage for sore calves", not the "sore calves" of many
 * titles), if they are rarer than TITLE_RANK; otherwise in the order given
 * (the merge has already weighed the common words).
 */
export function byTitle<T>(
  terms: readonly string[],
  items: T[],
  title: (item: T) => string,
  vocabulary?: Vocabulary,
): T[] {
  // Not every rare word: a long question's others are often everyday ones ("before", "safe").
  const rare = searchTerms(terms, vocabulary, TITLE_RANK).slice(1, 3);
  const key = (t: string) => titleHits(rare, t);
  // sort() is stable: equal keys keep the order given.
  return [...items].sort((a, b) => key(title(b)) - key(title(a)));
}

/** The part of Pagefind's API this module uses. */
export interface PagefindLike<H extends Scored> {
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: H[] } | null>;
}

async function hits<H extends Scored>(pagefind: PagefindLike<H>, term: string | null, section?: string): Promise<H[]> {
  const found = await pagefind.search(term, section ? { filters: { [SECTION_FILTER]: section } } : {});
  return found?.results ?? [];
}

/** Each page's section, from one filter search per section: run once a page load and kept. */
export async function sectionOfPages<H extends Scored>(
  pagefind: PagefindLike<H>,
  sections: readonly string[],
): Promise<Map<string, string>> {
  const lists = await Promise.all(sections.map((s) => hits(pagefind, null, s)));
  return new Map(lists.flatMap((list, i) => list.map((h) => [h.id, sections[i]!] as [string, string])));
}

export interface GuideSearch<H> {
  /** Every page found, best first. */
  all: H[];
  /** The pages in the chosen sections (all of them when none is chosen), best first. */
  shown: H[];
  /** How many of `all` are in each section, in the order the sections were given. */
  counts: number[];
}

export interface SearchOptions {
  /** Limits the pages shown to these sections. */
  chosen?: readonly string[];
  /**
   * The first page of this section goes no lower than third (the checklist, when the query names a warning sign:
   * its card above the results already leads there, so the two best matches keep their places).
   */
  first?: string;
  vocabulary?: Vocabulary;
}

/**
 * Runs a planned query: at most 1 + MAX_EXTRA_SEARCHES Pagefind searches.
 * A page in no section (the start page, which only lists the others) goes
 * after the pages found with it.
 */
export async function searchGuide<H extends Scored>(
  pagefind: PagefindLike<H>,
  plan: Pick<QueryPlan, 'terms'>,
  sectionsOfPages: ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>,
  sections: readonly string[],
  { chosen = [], first, vocabulary }: SearchOptions = {},
): Promise<GuideSearch<H>> {
  const { terms } = plan;
  // The sections load beside the searches, not before them: one round trip fewer on a slow phone.
  const [sectionOf, [together = [], ...others]] = await Promise.all([
    sectionsOfPages,
    Promise.all(searchTerms(terms, vocabulary).map((t) => hits(pagefind, t))),
  ]);
  const all = mergeHits(together, others, sectionOf.size).sort((a, b) => +!sectionOf.has(a.id) - +!sectionOf.has(b.id));
  const at = first ? all.findIndex((h) => sectionOf.get(h.id) === first) : -1;
  if (at > 2) all.splice(2, 0, ...all.splice(at, 1));
  return {
    all,
    shown: chosen.length > 0 ? all.filter((h) => chosen.includes(sectionOf.get(h.id) ?? '')) : all,
    counts: sections.map((s) => all.filter((h) => sectionOf.get(h.id) === s).length),
  };
}

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Where its words are: Pagefind always gives them. */
  locations: number[];
}

/** The sections of a page worth showing under it: the ones with most matches, in page order, never the page itself. */
export function bestSubResults<S extends SubResult>(pageUrl: string, subs: S[], max = 3): S[] {
  const sections = subs.filter((s) => s.url !== pageUrl && s.url.includes('#'));
  const best = new Set([...sections].sort((a, b) => b.locations.length - a.locations.length).slice(0, max));
  return sections.filter((s) => best.has(s));
}

const quoted = (query: string) => `“${query.length > 60 ? `${query.slice(0, 60).trimEnd()}…` : query}”`;
/** A sentence of src/lib/search-text.ts with its {slots} filled. */
const fill = (text: string, slots: Record<string, string | number>) =>
  text.replace(/\{(\w)\}/g, (_, k: string) => String(slots[k]));

/** "1 page", "3 pages". */
export const pagesText = (t: SearchText, n: number) => `${n} ${n === 1 ? t.page : t.pages}`;

/** The sentence announced after each search; `signs`: how many warning signs the query names. */
export function statusText(
  t: SearchText,
  query: string,
  found: number,
  shown: number,
  chosen: readonly string[] = [],
  signs = 0,
): string {
  if (!query) return '';
  const q = quoted(query);
  const sentence =
    found === 0
      ? fill(t.none, { q })
      : fill(chosen.length > 0 ? t.shown : t.found, {
          n: pagesText(t, found),
          q,
          m: shown,
          s: chosen.join(` ${t.or} `),
        });
  return signs > 0 ? `${signs > 1 ? t.signs : t.sign} ${sentence}` : sentence;
}

/** The sentence naming the words no page holds, or ''. */
export function missingText(t: SearchText, missing: readonly string[]): string {
  const names = missing.map(quoted);
  const last = names.pop();
  return last ? fill(t.missing, { w: names.length > 0 ? `${names.join(', ')} ${t.or} ${last}` : last }) : '';
}
