import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_QUERY_LENGTH, MAX_WORDS, bestSubResults, cleanQuery, holdsWord, isFiller, orderSections, rankHits, searchGuide, searchWords, statusText,
  type Hit, type PagefindLike, type Scored,
} from '../../src/lib/search.ts';

test('queries are trimmed, collapsed to one line and cut to the maximum length', () => {
  assert.equal(cleanQuery('  felt\n a \t pop  '), 'felt a pop');
  assert.equal(cleanQuery(null), '');
  assert.equal(cleanQuery('x'.repeat(5000)).length, MAX_QUERY_LENGTH);
  assert.equal(cleanQuery('<script>alert("x")</script>'), '<script>alert("x")</script>', 'markup is kept as text, never stripped into something else');
});

test('search words are distinct, lowercase, without edge punctuation, and limited in number', () => {
  assert.deepEqual(searchWords('Can I run with SORE calves? calves!'), ['can', 'i', 'run', 'with', 'sore', 'calves']);
  assert.deepEqual(searchWords('"ice" or (heat)'), ['ice', 'or', 'heat']);
  assert.deepEqual(searchWords('<b>&amp;'), ['b>&amp']);
  assert.equal(searchWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).length, MAX_WORDS);
  assert.deepEqual(searchWords('  '), []);
});

test('filler words are the ones with no meaning of their own', () => {
  for (const w of ['the', 'I', 'my', 'are', 'can', "I'm", 'What']) assert.ok(isFiller(w), w);
  for (const w of ['run', 'pop', 'how', 'long', 'before', 'after', 'not', 'heat']) assert.ok(!isFiller(w), w);
});

const hit = (id: string, score: number): Scored => ({ id, score });

test('pages with more meaningful words rank first, then by summed score', () => {
  const words = ['which', 'muscles', 'calf'];
  const ranked = rankHits(words, [
    [hit('everywhere', 9)], // "which": filler adds score, not a word
    [hit('anatomy', 2), hit('cramp', 1)],
    [hit('anatomy', 2), hit('everywhere', 1), hit('cramp', 1)],
  ]);
  assert.deepEqual(ranked.map((h) => h.id), ['anatomy', 'cramp'], '"everywhere" has one meaningful word, the others two');
});

test('pages must hold as many meaningful words as the best, or one fewer from three words up', () => {
  const three = rankHits(['felt', 'pop', 'snap'], [[hit('a', 1), hit('c', 5)], [hit('a', 1), hit('b', 1)], [hit('a', 1), hit('b', 1)]]);
  assert.deepEqual(three.map((h) => h.id), ['a', 'b'], 'c has one word where a has three');
  const two = rankHits(['calf', 'cramp'], [[hit('a', 1), hit('b', 9)], [hit('a', 1)]]);
  assert.deepEqual(two.map((h) => h.id), ['a']);
  assert.deepEqual(rankHits(['pop'], [[hit('a', 1), hit('b', 2)]]).map((h) => h.id), ['b', 'a']);
});

test('when every word is filler, every word counts', () => {
  assert.deepEqual(rankHits(['is', 'it'], [[hit('a', 1)], [hit('a', 1), hit('b', 1)]]).map((h) => h.id), ['a']);
});

test('each page keeps the hit of its best-scoring word', () => {
  const strong = { id: 'a', score: 5, word: 'pop' };
  const [only] = rankHits(['felt', 'pop'], [[{ id: 'a', score: 1, word: 'felt' }], [strong]]);
  assert.equal(only, strong);
});

/**
 * A stand-in for Pagefind over a few pages: every word of a term must be on
 * the page; a word matches words it begins; a word no page holds falls back to
 * the longest start of it that one does (as Pagefind does); a quoted word
 * matches only itself. Scores are match counts.
 */
function fakePagefind(pages: Record<string, { section: string; text: string }>): PagefindLike<Hit & { via: string }> {
  const all = Object.values(pages).flatMap((p) => p.text.split(' '));
  const widen = (w: string) => {
    for (let n = w.length; n > 0; n--) if (all.some((x) => x.startsWith(w.slice(0, n)))) return w.slice(0, n);
    return w;
  };
  return {
    async search(term, options) {
      const section = options?.filters?.section;
      const quoted = term.startsWith('"');
      const words = term.replace(/"/g, '').toLowerCase().split(' ').map((w) => (quoted ? w : widen(w)));
      const matches = (x: string, w: string) => (quoted ? x === w : x.startsWith(w));
      const results = Object.entries(pages)
        .filter(([, p]) => !section || p.section === section)
        .map(([id, p]) => {
          const text = p.text.split(' ');
          const locations = text.flatMap((x, i) => (words.some((w) => matches(x, w)) ? [i] : []));
          const found = words.every((w) => text.some((x) => matches(x, w)));
          return { id, via: term, score: found ? locations.length : 0, data: async () => ({ content: p.text, locations }) };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}

const guide = {
  'faq-pop': { section: 'FAQ', text: 'what does a pop in my calf mean if you felt a pop or snap' },
  'cause-tear': { section: 'Causes', text: 'a tear may start with a pop you felt' },
  'treat-ice': { section: 'Treatments', text: 'ice the calf' },
};
const SECTIONS = ['FAQ', 'Causes', 'Treatments'];

test('searchGuide ranks, counts per section and filters by the chosen sections', async () => {
  const pagefind = fakePagefind(guide);
  const found = await searchGuide(pagefind, 'felt a pop', SECTIONS);
  assert.deepEqual(found.all.map((h) => h.id), ['faq-pop', 'cause-tear']);
  assert.deepEqual([...found.counts], [['FAQ', 1], ['Causes', 1], ['Treatments', 0]]);
  assert.deepEqual(found.shown, found.all);
  for (const h of found.all) assert.equal(h.via, 'felt pop', 'a page holding every meaningful word keeps the hit that highlights them all');

  const causesOnly = await searchGuide(pagefind, 'felt a pop', SECTIONS, ['Causes']);
  assert.deepEqual(causesOnly.shown.map((h) => h.id), ['cause-tear']);
  assert.deepEqual(causesOnly.counts, found.counts, 'counts describe every page found, whatever is chosen');
  assert.deepEqual((await searchGuide(pagefind, 'felt a pop', SECTIONS, ['Treatments'])).shown, []);
});

test('searchGuide finds nothing for an empty query or words no page holds', async () => {
  const pagefind = fakePagefind(guide);
  assert.deepEqual((await searchGuide(pagefind, '   ', ['FAQ'])).all, []);
  assert.deepEqual((await searchGuide(pagefind, 'zzz qqq', ['FAQ'])).all, []);
  assert.deepEqual((await searchGuide(pagefind, 'is ibuprofen ok', SECTIONS)).all, [], 'filler alone does not stand in for unknown words');
});

test('a word the guide does not hold is left out, not matched by a shorter word it begins with', async () => {
  const pagefind = fakePagefind(guide);
  assert.equal(await holdsWord(pagefind, 'ice'), true);
  assert.equal(await holdsWord(pagefind, 'ibuprofen'), false, 'Pagefind alone would match "in"');
  assert.equal(await holdsWord(pagefind, 'sna'), true, 'the start of a word, as when still typing');
  assert.equal(await holdsWord(pagefind, '"'), false);
  const found = await searchGuide(pagefind, 'ibuprofen for the calf', SECTIONS);
  assert.deepEqual(found.all.map((h) => h.id).sort(), ['faq-pop', 'treat-ice']);
});

test('facets list the known sections first, FAQ first', () => {
  assert.deepEqual(orderSections(['Treatments', 'Zeta', 'When to get help', 'Questions', 'Causes', 'Alpha']), ['Questions', 'Causes', 'Treatments', 'When to get help', 'Alpha', 'Zeta']);
});

test('sub-results are the best-matching sections in page order, never the page itself', () => {
  const sub = (url: string, n: number) => ({ title: url, url, excerpt: '', locations: Array.from({ length: n }, (_, i) => i) });
  const subs = [sub('/p/', 9), sub('/p/#a', 1), sub('/p/#b', 3), sub('/p/#c', 2), sub('/p/#d', 4)];
  assert.deepEqual(bestSubResults('/p/', subs).map((s) => s.url), ['/p/#b', '/p/#c', '/p/#d']);
  assert.deepEqual(bestSubResults('/p/', subs, 1).map((s) => s.url), ['/p/#d']);
});

test('the status says how many pages were found, for what, and how many are shown', () => {
  assert.equal(statusText('', 0, 0), '');
  assert.equal(statusText('felt a pop', 1, 1), '1 page found for “felt a pop”.');
  assert.equal(statusText('felt a pop', 10, 10), '10 pages found for “felt a pop”.');
  assert.equal(statusText('felt a pop', 10, 6, ['FAQ', 'Causes']), '10 pages found for “felt a pop”, 6 of them in FAQ or Causes.');
  assert.match(statusText('zzz', 0, 0), /^No pages found for “zzz”\./);
  const long = statusText('x'.repeat(200), 0, 0);
  assert.ok(long.includes(`“${'x'.repeat(60)}…”`), 'a long query is shortened in the sentence');
});
