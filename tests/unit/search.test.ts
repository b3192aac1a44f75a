import { test } from 'node:test';
import assert from 'node:assert/strict';
import { words } from '../../src/lib/search-tokens.ts';
import {
  COMMON_RANK,
  MAX_QUERY_LENGTH,
  MAX_EXTRA_SEARCHES,
  MAX_WORDS,
  bestSubResults,
  cleanQuery,
  mergeHits,
  missingText,
  planQuery,
  byTitle,
  searchGuide,
  searchTerms,
  sectionOfPages,
  statusText,
  tellingness,
  titleHits,
  TITLE_RANK,
  type PagefindLike,
  type Scored,
} from '../../src/lib/search.ts';
import { buildVocabulary, parseVocabulary } from '../../src/lib/search-vocabulary.ts';
import { parseSearchTerms } from '../../src/lib/search-terms.ts';
import { SEARCH_TEXT } from '../../src/lib/search-text.ts';
import { stretchesToOther, usableSynonyms } from '../../src/lib/search-words.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

const redFlagIds = readRedFlags().map((f) => f.id);
/** The committed filler words, as the page gets them. */
const { filler } = parseSearchTerms(readContentYaml('search-terms.yaml'), redFlagIds);

test('queries are trimmed, collapsed to one line and cut to the maximum length', () => {
  assert.equal(cleanQuery('  felt\n a \t pop  '), 'felt a pop');
  assert.equal(cleanQuery(null), '');
  assert.equal(cleanQuery('x'.repeat(5000)).length, MAX_QUERY_LENGTH);
  assert.equal(
    cleanQuery('<script>alert("x")</script>'),
    '<script>alert("x")</script>',
    'markup is kept as text, never stripped into something else',
  );
});

test('filler words are the ones with no meaning of their own', () => {
  assert.throws(() => parseSearchTerms({ filler: 'the' }, redFlagIds), /content\/search-terms\.yaml: filler/);
  for (const w of ['the', 'I', 'my', 'are', 'can', "I'm", 'What', "can't"]) assert.ok(filler.includes(words(w)[0]!), w);
  for (const w of ['run', 'pop', 'how', 'long', 'before', 'after', 'not', 'heat'])
    assert.ok(!filler.includes(words(w)[0]!), w);
});

const vocabulary = parseVocabulary(
  buildVocabulary([
    'calf calves pain sore running muscles stretch stretching gastrocnemius soleus shin splints heel drops physio marathon day cramp',
    'calf pain sore running exercises achilles tendonitis',
    'calf pain running',
  ]),
);

test('filler never searches; meaningful words do, corrected to the guide’s words', () => {
  const plan = planQuery('What muscles are in the calf?', { vocabulary, filler });
  assert.deepEqual(plan.terms, ['muscles', 'calf']);
  assert.equal(plan.corrected, '');
  assert.deepEqual(plan.missing, []);
});

test('the word limit counts meaningful words only, so the end of a long question is kept', () => {
  const padding = 'what is the '.repeat(10);
  assert.ok(planQuery(`${padding} day after a marathon`, { vocabulary, filler }).terms.includes('marathon'));
  const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  assert.equal(planQuery(many).terms.length, MAX_WORDS);
});

test('a misspelt word is corrected, and the query as searched is given', () => {
  const plan = planQuery('calf strech', { vocabulary, filler });
  assert.deepEqual(plan.terms, ['calf', 'stretch']);
  assert.equal(plan.corrected, 'calf stretch');
  assert.equal(planQuery('gastrocnemus', { vocabulary, filler }).corrected, 'gastrocnemius');
  assert.equal(planQuery('heeldrop', { vocabulary, filler }).corrected, 'heel drops');
});

test('a word near no guide word is named as missing, never matched by a word it begins with', () => {
  const plan = planQuery('paracetamol for calf pain', { vocabulary, filler });
  assert.deepEqual(plan.missing, ['paracetamol']);
  assert.deepEqual(plan.terms, ['calf', 'pain']);
  assert.deepEqual(planQuery('calfzilla', { vocabulary, filler }).terms, []);
});

test('exact searches the words as typed: no corrections, no synonyms', () => {
  const plan = planQuery('calf strech pt', { vocabulary, filler, exact: true, synonyms: [['pt', 'physio']] });
  assert.deepEqual(plan.terms, ['calf', 'strech', 'pt']);
  assert.equal(plan.corrected, '');
});

test('what runners type is swapped for the guide’s word, only when the guide holds it', () => {
  const synonyms = usableSynonyms(
    [
      ['physical therapist', 'physio'],
      ['PT', 'physio'],
      ['tylenol', 'paracetamol'],
      ['marathon', 'cramp'],
    ],
    vocabulary,
  );
  assert.deepEqual(synonyms, [
    ['physical therapist', 'physio'],
    ['pt', 'physio'],
  ]);
  assert.deepEqual(planQuery('calf physical therapist', { vocabulary, filler, synonyms }).terms, ['calf', 'physio']);
  assert.equal(
    planQuery('calf physical therapist', { vocabulary, filler, synonyms }).corrected,
    '',
    'a swap is not a correction',
  );
  assert.deepEqual(planQuery('PT', { vocabulary, filler, synonyms }).terms, ['physio']);
  assert.deepEqual(
    planQuery('tylenol', { vocabulary, filler, synonyms }).missing,
    ['tylenol'],
    'the guide lacks "paracetamol"',
  );
  assert.deepEqual(
    planQuery('marathon', { vocabulary, filler, synonyms }).terms,
    ['marathon'],
    'a word the guide holds searches as typed',
  );
});

test('a word Pagefind would stretch onto another guide word is swapped even when the guide holds it', () => {
  // Pagefind matches the stem and every longer word starting with it: "achy" (stem "ach") finds "Achilles".
  const stretchy = parseVocabulary('calf sore achy ache aching achilles tendon stiff stiffness tender');
  const pagesWith = new Map([...stretchy.keys()].map((w) => [w, 5]));
  assert.ok(stretchesToOther('achy', stretchy));
  assert.ok(stretchesToOther('aching', stretchy));
  assert.ok(!stretchesToOther('stiff', stretchy), '"stiffness" is the same word');
  assert.ok(!stretchesToOther('sore', stretchy));
  assert.ok(!stretchesToOther('tendon', stretchy), 'no longer word starts with it');
  assert.deepEqual(
    usableSynonyms(
      [
        ['achy', 'sore'],
        ['ache', 'sore'],
        ['stiff', 'sore'],
      ],
      stretchy,
      pagesWith,
    ),
    [
      ['achy', 'sore'],
      ['ache', 'sore'],
    ],
    'a guide word on many pages searches as typed, unless Pagefind would stretch it',
  );
  assert.deepEqual(planQuery('achy calf', { vocabulary: stretchy, filler, synonyms: [['achy', 'sore']] }).terms, [
    'sore',
    'calf',
  ]);
});

test('the last word, while typed, may be the start of a guide word', () => {
  assert.deepEqual(planQuery('gastroc', { vocabulary, filler, typing: true }).terms, ['gastroc']);
  assert.deepEqual(planQuery('gastroc', { vocabulary, filler }).missing, ['gastroc']);
});

test('a query makes a fixed number of searches: every word together, then its rarest words alone', () => {
  // w0 and w1 among the guide's commonest words, w25 to w29 just rarer than COMMON_RANK.
  const common = Array.from({ length: COMMON_RANK - 2 }, (_, i) => `common${i}`);
  const ranks = parseVocabulary(['w0', 'w1', ...common, 'w25', 'w26', 'w27', 'w28', 'w29'].join(' '));
  assert.deepEqual(searchTerms(['w29'], ranks), ['w29'], 'one word is searched once');
  assert.deepEqual(
    searchTerms(['w0', 'w29'], ranks),
    ['w0 w29', 'w29'],
    'two words: together, then the rare one alone',
  );
  assert.deepEqual(
    searchTerms(['w0', 'w1'], ranks),
    ['w0 w1'],
    'the guide’s commonest words are only searched together',
  );
  assert.deepEqual(searchTerms(['w0', 'unheard'], ranks), ['w0 unheard', 'unheard']);
  assert.deepEqual(
    searchTerms(['ok', 'go', 'w29', 'w0'], ranks),
    ['ok go w29 w0', 'w29'],
    'a word too short for the vocabulary is not a rare one',
  );
  assert.deepEqual(searchTerms(['800', 'km', 'shoes', 'w0'], ranks), ['800 km shoes w0', 'shoes'], 'nor is a number');
  assert.deepEqual(
    searchTerms(['w0', 'w29', 'w27', 'w1'], ranks),
    ['w0 w29 w27 w1', 'w29', 'w27'],
    'a long question: its telling words alone, never its commonest',
  );
  // A runner's story rarely has one page holding all its words (Pagefind matches only pages holding every word):
  // four of its words alone, most telling first, let the page that holds most of them win the merge.
  assert.deepEqual(searchTerms(['w25', 'w26', 'w0', 'w27', 'w28', 'w29'], ranks), [
    'w25 w26 w0 w27 w28 w29',
    'w29',
    'w28',
    'w27',
    'w26',
  ]);
  const many = Array.from({ length: 12 }, (_, i) => `w${i * 2}`);
  assert.ok(searchTerms(many, ranks).length <= 1 + MAX_EXTRA_SEARCHES);
});

const hit = (id: string, score: number): Scored => ({ id, score });

test('a page about the telling word beats one holding every word in passing, and rarer words weigh more', () => {
  const ids = (hits: Scored[]) => hits.map((h) => h.id);
  assert.deepEqual(ids(mergeHits([hit('passing', 1)], [[hit('about', 10), hit('passing', 1)]], 20)), [
    'about',
    'passing',
  ]);
  assert.deepEqual(
    ids(mergeHits([hit('all', 5)], [[hit('all', 5), hit('other', 5)]], 20)),
    ['all', 'other'],
    'holding every word still counts',
  );
  const common = Array.from({ length: 10 }, (_, i) => hit(`c${i}`, 1));
  assert.equal(mergeHits([], [common, [hit('rare', 1)]], 20)[0]!.id, 'rare');
  assert.ok(tellingness(1, 20) > tellingness(10, 20));
  assert.deepEqual(ids(mergeHits([hit('a', 2), hit('b', 1)], [], 20)), ['a', 'b'], 'one search keeps Pagefind’s order');
});

test('results whose titles hold more of the words go first, otherwise in the order given', () => {
  assert.equal(titleHits(['run', 'sore', 'calves'], 'Can I run with sore calves?'), 3);
  assert.equal(titleHits(['run'], 'Why are my calves sore after running?'), 1, '"running" holds "run"');
  assert.equal(
    titleHits(['calves', 'exercises'], 'Calf strengthening exercise'),
    2,
    '"calf" holds "calves", "exercise" holds "exercises"',
  );
  const titles = ['Sore Calves Guide', 'Can I run with sore calves?', 'Ice'];
  assert.deepEqual(
    byTitle(['run', 'sore', 'calves'], titles, (t) => t),
    ['Can I run with sore calves?', 'Sore Calves Guide', 'Ice'],
  );
  // With the guide's vocabulary, a title holding the query's rarer word goes first, if it is rare enough.
  const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`);
  const ranks = parseVocabulary(
    ['sore calves pain', ...filler(40), 'training', ...filler(TITLE_RANK, 40), 'massage'].join(' '),
  );
  assert.deepEqual(
    byTitle(['massage', 'sore', 'calves'], ['Why are my calves sore?', 'Sports massage'], (t) => t, ranks),
    ['Sports massage', 'Why are my calves sore?'],
  );
  assert.deepEqual(
    byTitle(['training', 'sore', 'calves'], ['Why are my calves sore?', 'Cross-training'], (t) => t, ranks),
    ['Why are my calves sore?', 'Cross-training'],
    'a word commoner than TITLE_RANK does not put its titles first: half the pages hold it',
  );
  assert.deepEqual(
    byTitle(['massage', 'sore', 'calves'], ['Why are my calves sore?', 'Sports massage'], (t) => t),
    ['Why are my calves sore?', 'Sports massage'],
    'without it, every word counts alike',
  );
  assert.deepEqual(
    byTitle(['knee', 'pain'], ['Calf strengthening', 'Pain not from the calf'], (t) => t, ranks),
    ['Calf strengthening', 'Pain not from the calf'],
    'a common word in a title does not outweigh the merge',
  );
  assert.deepEqual(
    byTitle(['sore', 'pain'], ['Calf strengthening', 'Pain not from the calf'], (t) => t, ranks),
    ['Calf strengthening', 'Pain not from the calf'],
    'with no rare word, the order given: the merge has weighed the common words',
  );
  const more = parseVocabulary(['sore calves pain', ...filler(TITLE_RANK), 'before safe ibuprofen'].join(' '));
  assert.deepEqual(
    byTitle(
      ['safe', 'before', 'ibuprofen'],
      ['Painkillers', 'Should I stretch before or after running?'],
      (t) => t,
      more,
    ),
    ['Painkillers', 'Should I stretch before or after running?'],
    'only the two most telling words promote a title: a long question\'s everyday rare word ("before") does not',
  );
});

/** A stand-in for Pagefind: every word of a term must start a word of the page; it counts its calls. */
function fakePagefind(pages: Record<string, { section: string; text: string }>) {
  const calls: (string | null)[] = [];
  const pagefind: PagefindLike<Scored> = {
    async search(term, options) {
      calls.push(term);
      const section = options?.filters?.section;
      const words = term === null ? [] : term.split(' ');
      const results = Object.entries(pages)
        .filter(([, p]) => !section || p.section === section)
        .map(([id, p]) => ({ id, score: words.filter((w) => p.text.split(' ').some((x) => x.startsWith(w))).length }))
        .filter((r) => r.score === words.length)
        .sort((a, b) => b.score - a.score);
      return { results };
    },
  };
  return { pagefind, calls };
}

const guide = {
  'faq-pop': { section: 'FAQ', text: 'what does a pop in my calf mean if you felt a pop or snap' },
  'cause-tear': { section: 'Causes', text: 'a tear may start with a pop you felt' },
  'treat-ice': { section: 'Treatments', text: 'ice the calf' },
};
const SECTIONS = ['FAQ', 'Causes', 'Treatments'];

test('sections come from one filter search per section, run once', async () => {
  const { pagefind, calls } = fakePagefind(guide);
  const sectionOf = await sectionOfPages(pagefind, SECTIONS);
  assert.deepEqual(
    [...sectionOf],
    [
      ['faq-pop', 'FAQ'],
      ['cause-tear', 'Causes'],
      ['treat-ice', 'Treatments'],
    ],
  );
  assert.deepEqual(calls, [null, null, null]);
});

test('searchGuide counts per section, filters by the chosen sections, and need not match every word', async () => {
  const { pagefind } = fakePagefind(guide);
  const sectionOf = await sectionOfPages(pagefind, SECTIONS);
  const found = await searchGuide(pagefind, { terms: ['felt', 'snap'] }, sectionOf, SECTIONS);
  const pop = await searchGuide(pagefind, { terms: ['pop'] }, sectionOf, SECTIONS);
  assert.deepEqual(
    pop.all.map((h) => h.id),
    ['faq-pop', 'cause-tear'],
  );
  const equal = Object.fromEntries(
    ['faq-a', 'faq-b', 'faq-c', 'cause-d', 'cause-e'].map((id) => [
      id,
      { section: id.startsWith('faq') ? 'FAQ' : 'Causes', text: 'pop' },
    ]),
  );
  const four = fakePagefind(equal).pagefind;
  const causesThird = await searchGuide(four, { terms: ['pop'] }, sectionOfPages(four, SECTIONS), SECTIONS, {
    first: 'Causes',
  });
  assert.deepEqual(
    causesThird.all.map((h) => h.id),
    ['faq-a', 'faq-b', 'cause-d', 'faq-c', 'cause-e'],
    'the first page of the section asked for goes third: the card above leads there, the two best keep their places',
  );
  const causesSecond = await searchGuide(pagefind, { terms: ['pop', 'ice'] }, sectionOf, SECTIONS, { first: 'Causes' });
  assert.deepEqual(
    causesSecond.all.map((h) => h.id),
    ['treat-ice', 'faq-pop', 'cause-tear'],
    'the rarer word’s page first; a page of the section asked for already in the top three stays',
  );
  assert.deepEqual(
    found.all.map((h) => h.id),
    ['faq-pop', 'cause-tear'],
    'the page with both words first, then the one with "felt"',
  );
  assert.deepEqual(found.counts, [1, 1, 0]);
  const causes = await searchGuide(pagefind, { terms: ['felt', 'snap'] }, sectionOf, SECTIONS, { chosen: ['Causes'] });
  assert.deepEqual(
    causes.shown.map((h) => h.id),
    ['cause-tear'],
  );
  assert.deepEqual(causes.counts, found.counts, 'counts describe every page found, whatever is chosen');
  assert.deepEqual((await searchGuide(pagefind, { terms: [] }, sectionOf, SECTIONS)).all, []);
});

test('a query makes at most 1 + MAX_EXTRA_SEARCHES Pagefind searches, however long it is', async () => {
  for (const n of [1, 2, 3, 12]) {
    const { pagefind, calls } = fakePagefind(guide);
    const terms = Array.from({ length: n }, (_, i) => `word${i}`);
    await searchGuide(pagefind, { terms }, new Map(), SECTIONS);
    assert.ok(calls.length >= 1 && calls.length <= 1 + MAX_EXTRA_SEARCHES, `${n} words: ${calls.length} searches`);
  }
});

test('sub-results are the best-matching sections in page order, never the page itself', () => {
  const sub = (url: string, n: number) => ({
    title: url,
    url,
    excerpt: '',
    locations: Array.from({ length: n }, (_, i) => i),
  });
  const subs = [sub('/p/', 9), sub('/p/#a', 1), sub('/p/#b', 3), sub('/p/#c', 2), sub('/p/#d', 4)];
  assert.deepEqual(
    bestSubResults('/p/', subs).map((s) => s.url),
    ['/p/#b', '/p/#c', '/p/#d'],
  );
  assert.deepEqual(
    bestSubResults('/p/', subs, 1).map((s) => s.url),
    ['/p/#d'],
  );
});

test('the status says how many pages were found, for what, how many are shown, and when a warning sign matches', () => {
  const t = SEARCH_TEXT;
  assert.equal(statusText(t, '', 0, 0), '');
  assert.equal(statusText(t, 'felt a pop', 1, 1), '1 page found for “felt a pop”.');
  assert.equal(
    statusText(t, 'felt a pop', 10, 6, ['FAQ', 'Causes']),
    '10 pages found for “felt a pop”, 6 of them in FAQ or Causes.',
  );
  assert.match(statusText(t, 'zzz', 0, 0), /^No pages found for “zzz”\. Try other words/);
  assert.ok(
    statusText(t, 'x'.repeat(200), 0, 0).includes(`“${'x'.repeat(60)}…”`),
    'a long query is shortened in the sentence',
  );
  assert.equal(
    statusText(t, 'dvt', 2, 2, [], 1),
    'A warning sign matches your words: see what to do below. 2 pages found for “dvt”.',
  );
  assert.match(statusText(t, 'dvt and chest pain', 2, 2, [], 2), /^Warning signs match your words/);
  assert.equal(statusText(t, '$& {q} $1', 1, 1), '1 page found for “$& {q} $1”.', 'the query is only ever text');
});

test('words no page holds are named', () => {
  assert.equal(missingText(SEARCH_TEXT, []), '');
  assert.equal(missingText(SEARCH_TEXT, ['paracetamol']), 'No page mentions “paracetamol”.');
  assert.equal(missingText(SEARCH_TEXT, ['a', 'b', 'c']), 'No page mentions “a”, “b” or “c”.');
});
