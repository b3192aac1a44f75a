// The fixed words of the search page's messages. The page renders them into
// its HTML (data attributes on the search block), so its script carries none
// of them; src/lib/search.ts fills the {slots}. Keys are lowercase words:
// each becomes a data- attribute.

export const SEARCH_TEXT = {
  /** {q}: the query, quoted. */
  none: 'No pages found for {q}. Try other words, or browse the guide below.',
  /** {n}: "3 pages". */
  found: '{n} found for {q}.',
  /** When sections are chosen; {m}: how many of them are shown, {s}: the sections. */
  shown: '{n} found for {q}, {m} of them in {s}.',
  page: 'page',
  pages: 'pages',
  or: 'or',
  /** {w}: the words no page holds, quoted. */
  missing: 'No page mentions {w}.',
  sign: 'A warning sign matches your words: see what to do below.',
  signs: 'Warning signs match your words: see what to do below.',
  failed:
    'Search needs a connection and could not reach the guide. Check you are online and try again, or browse the guide below.',
};

export type SearchText = typeof SEARCH_TEXT;
