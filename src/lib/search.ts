// Search for /search/: pure logic over Pagefind's JS API, shared by the page
// script and the tests.
//
// Pagefind on its own only returns pages that hold every word of the query.
// That suits keywords, not the questions runners type: "which muscles are in
// the calf" finds nothing useful, because the page about calf muscles never
// says "are". So each word is searched on its own, and pages are ranked by how
// many of the meaningful words they hold, then by Pagefind's summed score.
// A word the guide does not hold is left out: Pagefind would otherwise match
// a shorter word it begins with ("ibuprofen" would find every "I").
import { COLLECTION_LABELS } from './urls.ts';

/** Longer input is cut: no real question needs more, and it keeps the URL sane. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many distinct words are searched. */
export const MAX_WORDS = 12;

/** Words with no meaning of their own in a question. They still add to a page's score, never to its word count. */
const FILLER = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'up',
  'i', 'me', 'my', 'im', 'it', 'its', 'is', 'are', 'am', 'was', 'be', 'been', 'do', 'does', 'did',
  'can', 'could', 'should', 'would', 'will', 'what', 'which', 'why', 'this', 'that', 'there',
  'get', 'got', 'have', 'has', 'you', 'your', 'so', 'if', 'just', 'really', 'very',
]);

/** The filter every indexed page carries, and its values in the order facets are shown. */
export const SECTION_FILTER = 'section';
export const SECTION_ORDER = [COLLECTION_LABELS.faq, COLLECTION_LABELS.causes, COLLECTION_LABELS.treatments, COLLECTION_LABELS['red-flags']] as const;

/** One line of input, trimmed, with runs of spaces collapsed and cut to the maximum length. */
export function cleanQuery(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

const bare = (word: string) => word.toLowerCase().replace(/[’']/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The distinct words of a query, in order, at most MAX_WORDS. */
export function searchWords(query: string): string[] {
  return [...new Set(cleanQuery(query).split(' ').map(bare).filter(Boolean))].slice(0, MAX_WORDS);
}

export function isFiller(word: string): boolean {
  return FILLER.has(bare(word));
}

export interface Scored { id: string; score: number }
/** A Pagefind result: its page's id and score, and the page's indexed text on demand. */
export interface Hit extends Scored { data(): Promise<{ content: string; locations: number[] }> }

/**
 * Merges one search per word (lists[i] for words[i]). A page's rank: how many
 * meaningful words it holds, then its summed score. Pages must hold as many
 * meaningful words as the best page, or one fewer when the best holds three or
 * more (long questions rarely match whole). When every word is filler, every
 * word counts. Each page keeps its hit from its best word.
 */
export function rankHits<H extends Scored>(words: string[], lists: H[][]): H[] {
  const allFiller = words.every(isFiller);
  const pages = new Map<string, { best: H; words: number; score: number }>();
  lists.forEach((list, i) => {
    const counts = allFiller || !isFiller(words[i] ?? '') ? 1 : 0;
    for (const hit of list) {
      const page = pages.get(hit.id) ?? { best: hit, words: 0, score: 0 };
      page.words += counts;
      page.score += hit.score;
      if (hit.score > page.best.score) page.best = hit;
      pages.set(hit.id, page);
    }
  });
  const most = Math.max(0, ...[...pages.values()].map((p) => p.words));
  return [...pages.values()]
    .filter((p) => p.words >= Math.max(1, most >= 3 ? most - 1 : most))
    .sort((a, b) => b.words - a.words || b.score - a.score)
    .map((p) => p.best);
}

/** The part of Pagefind's API this module uses. */
export interface PagefindLike<H extends Hit> {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: H[] } | null>;
}

async function hits<H extends Hit>(pagefind: PagefindLike<H>, word: string, section?: string): Promise<H[]> {
  const found = await pagefind.search(word, section ? { filters: { [SECTION_FILTER]: section } } : {});
  return found?.results ?? [];
}

/** Whether the guide holds the word (in any form Pagefind stems to it), or words that begin with it, as when still typing. */
export async function holdsWord<H extends Hit>(pagefind: PagefindLike<H>, word: string): Promise<boolean> {
  const exact = word.replace(/"/g, '');
  if (!exact) return false;
  if ((await hits(pagefind, `"${exact}"`)).length > 0) return true;
  const [top] = await hits(pagefind, word);
  if (!top) return false;
  const { content, locations } = await top.data();
  const text = content.split(/\s+/);
  return locations.some((at) => bare(text[at] ?? '').startsWith(bare(word)));
}

/** The words to search: filler kept, meaningful words only if the guide holds them; none if it holds none of them. */
async function knownWords<H extends Hit>(pagefind: PagefindLike<H>, query: string): Promise<string[]> {
  const words = searchWords(query);
  const held = await Promise.all(words.map((w) => isFiller(w) || holdsWord(pagefind, w)));
  const known = words.filter((_, i) => held[i]);
  return known.some((w) => !isFiller(w)) || words.every(isFiller) ? known : [];
}

export interface GuideSearch<H> {
  /** Every page found, best first. */
  all: H[];
  /** The pages in the chosen sections (all of them when none is chosen), best first. */
  shown: H[];
  /** How many of `all` are in each section, in the order the sections were given. */
  counts: Map<string, number>;
}

/** Searches the guide for a query; `chosen` limits the pages shown to those sections. */
export async function searchGuide<H extends Hit>(
  pagefind: PagefindLike<H>,
  query: string,
  sections: readonly string[],
  chosen: readonly string[] = [],
): Promise<GuideSearch<H>> {
  const words = await knownWords(pagefind, query);
  const perSection = async (section: string) => {
    const ids = new Set((await Promise.all(words.map((w) => hits(pagefind, w, section)))).flat().map((h) => h.id));
    return [section, ids] as const;
  };
  const meaningful = words.filter((w) => !isFiller(w));
  const [ranked, together, inSection] = await Promise.all([
    Promise.all(words.map((w) => hits(pagefind, w))).then((lists) => rankHits(words, lists)),
    // Pages holding every meaningful word: their hit from this search highlights all of them.
    meaningful.length > 1 ? hits(pagefind, meaningful.join(' ')) : Promise.resolve([]),
    Promise.all(sections.map(perSection)).then((pairs) => new Map(pairs)),
  ]);
  const best = new Map(together.map((h) => [h.id, h]));
  const all = ranked.map((h) => best.get(h.id) ?? h);
  const holds = (section: string, hit: H) => inSection.get(section)?.has(hit.id) ?? false;
  return {
    all,
    shown: chosen.length > 0 ? all.filter((h) => chosen.some((s) => holds(s, h))) : all,
    counts: new Map(sections.map((s) => [s, all.filter((h) => holds(s, h)).length])),
  };
}

/** Sections in facet order: the known ones first, any others after, alphabetically. */
export function orderSections(names: Iterable<string>): string[] {
  const known: readonly string[] = SECTION_ORDER;
  const rank = (s: string) => (known.includes(s) ? known.indexOf(s) : known.length);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
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
