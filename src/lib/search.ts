// Search for /search/: pure logic over Pagefind's JS API, shared by the page
// script, the tests and the bench.
//
// A query is first planned without Pagefind: filler words are set aside (they
// match whole words only, so they never search), what runners type is swapped
// for the guide's word (content/search-terms.yaml), and a word the guide lacks
// is corrected to its nearest word or named as missing. Then a fixed number of
// Pagefind searches run, whatever the query's length: one for every word
// together (Pagefind's own ranking, and excerpts that mark every word), and one
// each for the rarest two words, so a page need not hold every word.
import { correctWord } from './spelling.ts';
import type { Vocabulary } from './search-vocabulary.ts';

/** Longer input is cut: no real question needs more, and it keeps the URL sane. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many meaningful words are searched (filler does not count). */
export const MAX_WORDS = 12;
/** Searches besides the one for every word together. */
export const MAX_EXTRA_SEARCHES = 2;
/** Words this common in the guide (by rank) are not searched alone: nearly every page holds them. */
export const COMMON_RANK = 25;

/** The filter every indexed page carries. */
export const SECTION_FILTER = 'section';

/** One line of input, trimmed, with runs of spaces collapsed and cut to the maximum length. */
export function cleanQuery(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

const bare = (word: string) => word.toLowerCase().replace(/[’']/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Whether a word is filler (content/search-terms.yaml): it never searches and never counts. */
export function isFiller(word: string, filler: readonly string[]): boolean {
  return filler.includes(bare(word));
}

export interface PlanOptions {
  vocabulary?: Vocabulary;
  /** Words with no meaning of their own (content/search-terms.yaml). */
  filler?: readonly string[];
  /** [typed, guide word], longest typed phrase first (see src/lib/search-terms.ts). */
  synonyms?: readonly (readonly [string, string])[];
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
export function planQuery(raw: string, { vocabulary, filler = [], synonyms = [], exact = false, typing = false }: PlanOptions = {}): QueryPlan {
  const query = cleanQuery(raw);
  const typed = query.split(' ').map(bare).filter(Boolean);
  const terms: string[] = [];
  const shown: string[] = [];
  const missing: string[] = [];
  let changed = false;
  const add = (...words: string[]) => { for (const w of words) if (!terms.includes(w) && terms.length < MAX_WORDS) terms.push(w); };
  for (let i = 0; i < typed.length; i++) {
    const word = typed[i]!;
    const swap = exact ? undefined : synonyms.find(([t, guide]) => {
      const parts = t.split(' ').map(bare);
      return parts.every((p, j) => typed[i + j] === p)
        // The guide's own word searches as typed; a swap to words the guide lacks would find nothing.
        && (parts.length > 1 || !vocabulary?.has(word))
        && guide.split(' ').every((g) => !vocabulary || vocabulary.has(g));
    });
    if (swap) {
      const n = swap[0].split(' ').length;
      add(...swap[1].split(' ').map(bare));
      shown.push(...typed.slice(i, i + n));
      i += n - 1;
      continue;
    }
    shown.push(word);
    if (isFiller(word, filler)) continue;
    const fix = exact || !vocabulary ? { kind: 'known' as const } : correctWord(word, vocabulary, typing && i === typed.length - 1);
    if (fix.kind === 'known') add(word);
    else if (fix.kind === 'corrected') { add(...fix.to.split(' ')); shown[shown.length - 1] = fix.to; changed = true; }
    else missing.push(word);
  }
  // A question of filler alone ("is it ok") still searches its words.
  if (terms.length === 0 && missing.length === 0) add(...typed);
  return { query, terms, corrected: changed ? shown.join(' ') : '', missing, said: [...new Set([...typed, ...terms])] };
}

/**
 * The searches for a query's words, at most 1 + MAX_EXTRA_SEARCHES of them:
 * every word together first; then, so a page need not hold every word, the
 * rarest words alone (never the guide's commonest: nearly every page holds
 * them), or for three words and more the two commonest together (the topic of
 * a long question) and the rarest alone. Unknown words count as rare.
 */
export function searchTerms(terms: readonly string[], vocabulary?: Vocabulary): string[] {
  if (terms.length < 2) return [...terms];
  const rank = (w: string) => vocabulary?.get(w) ?? Infinity;
  const rarest = [...terms].sort((a, b) => rank(b) - rank(a));
  const rare = rarest.filter((w) => rank(w) >= COMMON_RANK);
  const others = terms.length === 2 ? rare.slice(0, MAX_EXTRA_SEARCHES) : [rarest.slice(-2).join(' '), ...rare.slice(0, 1)];
  return [...new Set([terms.join(' '), ...others])];
}

export interface Scored { id: string; score: number }

/**
 * Merges the searches, the one for every word first. Pages it found come
 * first, in Pagefind's order; then pages by how many other searches found
 * them, then by where they stood in the first search that did.
 */
export function mergeHits<H extends Scored>(together: H[], others: H[][]): H[] {
  const first = new Set(together.map((h) => h.id));
  const rest = new Map<string, { hit: H; lists: number; at: number }>();
  others.forEach((list, i) => list.forEach((hit, at) => {
    if (first.has(hit.id)) return;
    const page = rest.get(hit.id) ?? { hit, lists: 0, at: i * 1e6 + at };
    page.lists += 1;
    rest.set(hit.id, page);
  }));
  const sorted = [...rest.values()].sort((a, b) => b.lists - a.lists || a.at - b.at).map((p) => p.hit);
  return [...together, ...sorted];
}

/** How many of the words a title holds (a title word that begins with one, or with its singular, counts: "running" holds "run", "calf" holds "calves"). */
export function titleHits(terms: readonly string[], title: string): number {
  const words = title.toLowerCase().replace(/[’']/g, '').split(/[^\p{L}\p{N}]+/u);
  return terms.filter((t) => words.some((w) => w.startsWith(t) || w.startsWith(t.replace(/(?<=...)(ve)?s$/, '')))).length;
}

/** Results whose titles hold more of the words first; otherwise in the order given. */
export function byTitle<T>(terms: readonly string[], items: T[], title: (item: T) => string): T[] {
  return items.map((item, i) => ({ item, i, n: titleHits(terms, title(item)) })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.item);
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
export async function sectionOfPages<H extends Scored>(pagefind: PagefindLike<H>, sections: readonly string[]): Promise<Map<string, string>> {
  const lists = await Promise.all(sections.map((s) => hits(pagefind, null, s)));
  return new Map(lists.flatMap((list, i) => list.map((h) => [h.id, sections[i]!] as [string, string])));
}

export interface GuideSearch<H> {
  /** Every page found, best first. */
  all: H[];
  /** The pages in the chosen sections (all of them when none is chosen), best first. */
  shown: H[];
  /** How many of `all` are in each section, in the order the sections were given. */
  counts: Map<string, number>;
}

export interface SearchOptions {
  /** Limits the pages shown to these sections. */
  chosen?: readonly string[];
  /** The first page of this section goes second, after the best match (the checklist, when the query names a warning sign). */
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
  sectionOf: ReadonlyMap<string, string>,
  sections: readonly string[],
  { chosen = [], first, vocabulary }: SearchOptions = {},
): Promise<GuideSearch<H>> {
  const { terms } = plan;
  if (terms.length === 0) return { all: [], shown: [], counts: new Map(sections.map((s) => [s, 0])) };
  const [together, ...others] = await Promise.all(searchTerms(terms, vocabulary).map((t) => hits(pagefind, t)));
  const merged = mergeHits(together!, others);
  const all = [...merged.filter((h) => sectionOf.has(h.id)), ...merged.filter((h) => !sectionOf.has(h.id))];
  const at = first ? all.findIndex((h) => sectionOf.get(h.id) === first) : -1;
  if (at > 1) all.splice(1, 0, ...all.splice(at, 1));
  return {
    all,
    shown: chosen.length > 0 ? all.filter((h) => chosen.includes(sectionOf.get(h.id) ?? '')) : all,
    counts: new Map(sections.map((s) => [s, all.filter((h) => sectionOf.get(h.id) === s).length])),
  };
}

export interface SubResult { title: string; url: string; excerpt: string; locations?: number[] }

/** The sections of a page worth showing under it: the ones with most matches, in page order, never the page itself. */
export function bestSubResults<S extends SubResult>(pageUrl: string, subs: S[], max = 3): S[] {
  const sections = subs.filter((s) => s.url !== pageUrl && s.url.includes('#'));
  const best = new Set([...sections].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0)).slice(0, max));
  return sections.filter((s) => best.has(s));
}

const quoted = (query: string) => `“${query.length > 60 ? `${query.slice(0, 60).trimEnd()}…` : query}”`;
const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

/** The sentence announced after each search. */
export function statusText(query: string, found: number, shown: number, chosen: readonly string[] = []): string {
  if (!query) return '';
  if (found === 0) return `No pages found for ${quoted(query)}. Try other words, or browse the guide below.`;
  const all = `${pages(found)} found for ${quoted(query)}`;
  if (chosen.length === 0) return `${all}.`;
  return `${all}, ${shown} of them in ${chosen.join(' or ')}.`;
}

/** The sentence naming the words no page holds, or ''. */
export function missingText(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const names = missing.map((w) => quoted(w));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `No page mentions ${list}.`;
}
