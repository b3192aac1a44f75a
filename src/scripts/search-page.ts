// The search page's script (src/components/GuideSearch.astro): runs queries on
// Pagefind's JS API through src/lib/search.ts and shows the warning-sign cards,
// notes, section counts and results. Its words come from the page's HTML.
import {
  bestSubResults,
  byTitle,
  cleanQuery,
  missingText,
  planQuery,
  searchGuide,
  sectionOfPages,
  SECTION_FILTER,
  statusText,
  type PlanOptions,
  type SubResult,
} from '../lib/search.ts';
import type { SearchText } from '../lib/search-text.ts';
import { parseVocabulary, SEARCH_WORDS_PATH, type SearchWords } from '../lib/search-vocabulary.ts';
import { matchSigns } from '../lib/danger-signs.ts';

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; summary?: string };
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}
interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: object): Promise<{ results: Result[] } | null>;
}
interface Engine {
  pagefind: Pick<Pagefind, 'search'>;
  words: Partial<SearchWords>;
  plan: PlanOptions;
}

const root = document.querySelector<HTMLElement>('[data-guide-search]')!;
// The page's words for its messages (src/lib/search-text.ts), the checklist's section and the engine's tag.
const data = root.dataset as DOMStringMap & SearchText;
const $ = (name: string) => root.querySelector<HTMLElement>(`[data-search-${name}]`)!;
const input = root.querySelector('input')!;
const [status, notes, cards, filters, more] = ['status', 'notes', 'signs', 'filters', 'more'].map($);
const list = $('results');
const templates = root.querySelector('template')!.content;
// The section filters' checkboxes, the fieldset's only controls.
const boxes = [...(filters as HTMLFieldSetElement).elements] as HTMLInputElement[];
const sections = boxes.map((b) => b.value);
const params = new URLSearchParams(location.search);
status.textContent = '';

/** An element with properties and children; text children stay text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: object = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const decoder = el('textarea');
/** Pagefind's excerpts are escaped text with <mark>: keep the text and the marks, minus a leading heading (marked or not). */
function excerpt(html: string, heading?: string): (string | Node)[] {
  const parts = html.split(/<\/?mark>/).map((part) => ((decoder.innerHTML = part), decoder.value));
  let cut = heading && parts.join('').startsWith(`${heading}. `) ? heading.length + 2 : 0;
  return parts.map((part, i) => {
    const words = part.slice(cut);
    cut = Math.max(0, cut - part.length);
    return i % 2 ? el('mark', {}, words) : words;
  });
}

function resultItem(data: ResultData): HTMLLIElement {
  const section = data.filters[SECTION_FILTER]?.[0];
  const parts = bestSubResults(data.url, data.sub_results);
  return el(
    'li',
    { className: 'result' },
    el('a', { className: 'result-title', href: data.url }, data.meta.title ?? data.url),
    ...(section
      ? [' ', el('span', { className: 'result-section' }, el('span', { className: 'visually-hidden' }, 'in '), section)]
      : []),
    el('p', { className: 'result-text' }, ...(data.meta.summary ? [data.meta.summary] : excerpt(data.excerpt))),
    ...(parts.length
      ? [
          el(
            'ul',
            { className: 'result-parts' },
            ...parts.map((s) =>
              el(
                'li',
                {},
                el('a', { href: s.url }, s.title),
                el('p', { className: 'result-text' }, ...excerpt(s.excerpt, s.title)),
              ),
            ),
          ),
        ]
      : []),
  );
}

const copy = (selector: string) => templates.querySelector(selector)!.cloneNode(true) as HTMLElement;

/** The card for one sign: its tier's action in words, the sign, and a link that ticks it on the checklist. */
function signCard(id: string): HTMLElement {
  const sign = templates.querySelector<HTMLElement>(`[data-sign="${id}"]`)!;
  const card = copy(`section[data-tier="${sign.dataset.tier}"]`);
  card.querySelector('[data-sign-text]')!.textContent = sign.textContent;
  card.querySelector<HTMLAnchorElement>('a[data-check-link]')!.href = `/red-flags/#check=${id}`;
  return card;
}

/** This page's address for a query ("?q=..."; ".", the page itself, for none), relative to the page. */
const searchUrl = (q: string, exact: boolean) =>
  q ? `?${new URLSearchParams({ q, ...(exact && { exact: '1' }) })}` : '.';

let engine: Promise<Engine> | undefined;
let sectionOf: Promise<Map<string, string>> | undefined;
let calls = 0;
let failures = 0;

/** Loads the engine and the guide's words once, together; without the words, search still runs, uncorrected. */
function load(): Promise<Engine> {
  return (engine ??= Promise.all([
    // Built by `npm run build` (`npm run dev` serves it from dist/: src/integrations/pagefind.ts).
    // A failed module import is remembered by the browser: a retry needs a new address.
    import(/* @vite-ignore */ '/pagefind/pagefind.js' + (failures ? `?${failures}` : '')).then(async (p: Pagefind) => {
      // On the main thread: the worker is one more script to fetch before the first result, and its fetches miss the preloads.
      // The build's tag for the index: told to Pagefind, it asks for the entry file the page preloads.
      await p.options({ excerptLength: 24, excerptEllipsis: '…', noWorker: true, metaCacheTag: data.engine });
      // Start the engine (its WebAssembly and metadata) while the guide's words load; a failure shows at the search.
      p.init().catch(() => {});
      return { search: (t: string | null, o?: object) => (calls++, p.search(t, o)) };
    }),
    fetch(SEARCH_WORDS_PATH)
      .then((r) => r.json() as Promise<SearchWords>)
      .catch(() => ({})),
  ]).then(([pagefind, words]: [Engine['pagefind'], Partial<SearchWords>]) => ({
    pagefind,
    words,
    plan: { ...words, vocabulary: parseVocabulary(words.words ?? ''), real: new Set(words.real?.split(' ')) },
  })));
}

let unsaved = '';
let saving: ReturnType<typeof setTimeout> | undefined;

/**
 * Writes the shown query's address, if one waits: once the query has settled
 * (a second with no newer results), or at once when the page is hidden: left
 * (a link, Back, reload) or put away (another tab or app). Never per search:
 * WebKit allows 100 history writes in 10 s and throws after. A refused write
 * is tried again a second later; it never stops the results.
 */
function save() {
  try {
    if (unsaved) history.replaceState(null, '', unsaved);
    unsaved = '';
  } catch {
    saving = setTimeout(save, 1000);
  }
}
addEventListener('visibilitychange', save);

let generation = 0;
let current = '';
let pending: Result[] = [];

/**
 * Results shown at a time: a phone's first screen holds two or three, and on a
 * slow connection each one shown waits for its own file. A query that pins a
 * page shows ten at first, as the pinned page may rank lower.
 */
const PAGE = 6;
const PINNED_PAGE = 10;

/**
 * The next `count` results to show, taken from `results`. For the first page:
 * those whose titles hold more of the `terms` go first (see byTitle;
 * searchGuide has put the checklist second for a warning sign), and the `pin`
 * page (when among them: it holds the phrases that pin it) goes first of all.
 */
async function nextItems(
  results: Result[],
  terms: string[] = [],
  vocabulary?: PlanOptions['vocabulary'],
  pin?: string,
  count = PAGE,
) {
  const data = byTitle(
    terms,
    await Promise.all(results.splice(0, count).map((r) => r.data())),
    (d) => d.meta.title ?? '',
    vocabulary,
  );
  const pinned = data.findIndex((d) => d.url === pin);
  if (pinned > 0) data.unshift(...data.splice(pinned, 1));
  return data.map(resultItem);
}

async function run(raw: string, exact = false, typing = false) {
  const query = cleanQuery(raw);
  const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
  const key = JSON.stringify([query, exact, chosen]);
  // No search for an unchanged query.
  if (key === current) return;
  current = key;
  const mine = ++generation;
  // data-query names the query whose results are showing (tests wait on it).
  delete list.dataset.query;
  list.ariaBusy = 'true';
  try {
    const { pagefind, words, plan: options } = query ? await load() : ({} as Engine);
    const plan = planQuery(query, { ...options, exact, typing });
    // At most two warning-sign cards, most serious first.
    const signs = matchSigns(plan.said, words?.signs ?? []).slice(0, 2);
    // A query naming a warning sign puts the checklist right after the best match.
    const first = signs.length ? data.checklist : undefined;
    const found = await searchGuide(
      pagefind,
      plan,
      query ? (sectionOf ??= sectionOfPages(pagefind, sections)) : new Map(),
      sections,
      { chosen, first, vocabulary: options?.vocabulary },
    );
    // Offline, Pagefind answers a search it cannot fetch with no pages: say why instead.
    if (!found.all.length && !navigator.onLine) throw 0; // handled below as "needs a connection"
    const rest = found.shown.slice();
    const [pin] = matchSigns(plan.said, words?.pinned ?? []);
    const items = await nextItems(rest, plan.terms, options?.vocabulary, pin, pin ? PINNED_PAGE : PAGE);
    if (mine !== generation) return; // a newer query has started: never show stale results, nor leave its own for "more"
    pending = rest;
    cards.replaceChildren(...signs.map(signCard));
    notes.replaceChildren();
    if (plan.corrected) {
      const note = copy('[data-corrected]');
      note.querySelector('strong')!.textContent = plan.corrected;
      Object.assign(note.querySelector('a')!, { href: searchUrl(query, true), textContent: query });
      notes.append(note);
    }
    if (plan.missing.length) notes.append(el('p', {}, missingText(data, plan.missing)));
    list.replaceChildren(...items);
    more.hidden = !pending.length;
    boxes.forEach((b, i) => {
      const n = found.counts[i]!;
      const [, count, word] = b.parentElement!.children;
      count!.textContent = `${n}`;
      word!.textContent = ` ${n === 1 ? data.page : data.pages}`;
    });
    filters.hidden = !found.all.length && !(query && chosen.length);
    status.textContent = statusText(data, query, found.all.length, found.shown.length, chosen, signs.length);
    list.dataset.query = query;
    unsaved = searchUrl(query, exact);
    clearTimeout(saving);
    saving = setTimeout(save, 1000);
  } catch {
    if (mine === generation) {
      current = '';
      // Offline or a failed fetch: the next query loads a fresh engine (Pagefind keeps its failed fetches).
      engine = sectionOf = undefined;
      failures++;
      // Never leave an older query's results under the new words.
      for (const part of [cards, notes, list]) part.replaceChildren();
      more.hidden = filters.hidden = true;
      status.textContent = data.failed;
    }
  } finally {
    if (mine === generation) list.ariaBusy = null;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
// Start loading the engine as soon as the reader shows they will search.
input.addEventListener('focus', () => load().catch(() => {}), { once: true });
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value, false, true), 200);
});
input.form!.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(input.value);
});
filters.addEventListener('change', () => run(input.value));
more.addEventListener('click', async () => {
  const mine = generation;
  const items = await nextItems(pending);
  if (mine !== generation) return; // a newer query has replaced the list
  list.append(...items);
  more.hidden = !pending.length;
  items[0]?.querySelector('a')?.focus();
});

// Arrow keys move between the input and every link below it; Enter follows the link.
root.addEventListener('keydown', (event) => {
  const step = ({ ArrowDown: 1, ArrowUp: -1 } as Record<string, number>)[event.key];
  if (!step) return;
  // A card's numbers to call are reached with Tab (the site's own links all start with "/").
  const stops: HTMLElement[] = [
    input,
    ...cards.querySelectorAll<HTMLAnchorElement>('a[href^="/"]'),
    ...list.querySelectorAll('a'),
  ];
  const at = stops.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  stops[at + step]?.focus();
});

// ?bench=1 exposes the search path, which answers with the count of engine calls so far (scripts/bench-search.ts, tests).
if (params.has('bench'))
  (window as unknown as Record<string, unknown>).__guideSearch = async (q: string) => (await run(q), calls);

// Words typed before the script ran win over the ?q= the page opened with.
const openedExact = !input.value && params.get('exact') === '1';
const initial = cleanQuery(input.value || params.get('q'));
if (initial) {
  input.value = initial;
  run(initial, openedExact);
}
