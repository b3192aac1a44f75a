import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { planQuery } from '../../src/lib/search.ts';
import { parseVocabulary } from '../../src/lib/search-vocabulary.ts';
import { parseSearchTerms } from '../../src/lib/search-terms.ts';
import {
  buildSearchWords,
  ENGLISH_WORDS_FILE,
  parseEnglishWords,
  realWordsNear,
  sameWord,
} from '../../src/lib/search-words.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

const english = parseEnglishWords(readFileSync(ENGLISH_WORDS_FILE, 'utf8'));

test('the English words file is one or more lowercase words a line, with comments', () => {
  assert.deepEqual(parseEnglishWords('# a comment\nHike hiking  # why\n\ntape\n'), ['hike', 'hiking', 'tape']);
  assert.ok(english.length > 1000);
  assert.deepEqual(
    english.filter((w) => !/^[a-z]+$/.test(w)),
    [],
    'letters only: a query word with other characters is never corrected',
  );
});

test('a correction is the same word when it is another form or spelling of it', () => {
  for (const [a, b] of [
    ['stretched', 'stretches'],
    ['sleeve', 'sleeves'],
    ['injured', 'injury'],
    ['color', 'colour'],
    ['discolored', 'discoloured'],
    ['anemia', 'anaemia'],
  ]) {
    assert.ok(sameWord(a!, b!), `${a} ${b}`);
  }
  for (const [a, b] of [
    ['hiking', 'having'],
    ['tape', 'take'],
    ['plane', 'plan'],
    ['injection', 'infection'],
    ['kids', 'kinds'],
  ]) {
    assert.ok(!sameWord(a!, b!), `${a} ${b}`);
  }
});

test('the real words kept are the ones spelling correction would turn into a different guide word', () => {
  const vocabulary = parseVocabulary('having take infection stretches colour injury');
  assert.deepEqual(
    realWordsNear(
      ['hiking', 'tape', 'injection', 'stretched', 'color', 'injured', 'paracetamol', 'take', 'hiking'],
      vocabulary,
    ),
    ['hiking', 'tape', 'injection'],
    'not other forms or spellings of guide words, words near none, guide words, or a word twice',
  );
  assert.deepEqual(realWordsNear(['taken'], vocabulary, ['taken']), [], 'filler never reaches correction');
});

// The guide's kind of words, and the committed lists, as the build joins them.
const flagIds = readRedFlags().map((f) => f.id);
const terms = parseSearchTerms(readContentYaml('search-terms.yaml'), flagIds);
const pages = [
  'Having sore calves after running is common. Take a rest day and stretch the calf muscles.',
  'A calf strain is a tear in the muscle: stop, rest and see a physio. Kinds of shoes and trainers matter.',
  'Infection in the leg can cause fever. Check for a clot: a swollen, red, warm calf in one leg.',
];
const words = buildSearchWords(pages, terms, english);
const options = { ...words, vocabulary: parseVocabulary(words.words), real: new Set(words.real.split(' ')) };

test('runners’ real words the guide lacks are named, typos of its words are corrected', () => {
  for (const q of ['sore calf after hiking', 'tape', 'kids', 'injection in calf', 'protein', 'smoking']) {
    const plan = planQuery(q, options);
    assert.equal(plan.corrected, '', `${q}: nothing is corrected`);
    assert.equal(plan.missing.length, 1, `${q}: the word the guide lacks is named`);
  }
  assert.deepEqual(planQuery('my calves are killing me', options).missing, ['killing']);
  assert.equal(planQuery('calf strian', options).corrected, 'calf strain');
  assert.equal(planQuery('infecton', options).corrected, 'infection');
  assert.deepEqual(planQuery('sprained calf', options).terms, ['strain', 'calf'], 'a synonym wins over naming');
});

test('the built words leave out filler, and keep only synonyms the guide can use', () => {
  assert.ok(!words.words.split(' ').includes('the'));
  assert.ok(
    words.synonyms.some(([typed]) => typed === 'pt'),
    'PT is swapped for physio, which the guide holds',
  );
  assert.ok(!words.synonyms.some(([, guide]) => guide === 'paracetamol'), 'no swap to a word no page holds');
});

test('search terms are checked against the built guide, with the file and line', async () => {
  const { checkSearchTerms, parseSearchTerms: parse2 } = await import('../../src/lib/search-terms.ts');
  const source =
    'synonyms:\n  ice: [cold pack]\n  gun: [theragun]\npinned:\n  - page: /faq/nowhere/\n    phrases: [knee]\n';
  const t = parse2(parse(source), flagIds);
  assert.deepEqual(t.pinned, [{ id: '/faq/nowhere/', phrases: ['knee'], unless: [] }]);
  const holds = (w: string) => w === 'ice';
  assert.throws(
    () => checkSearchTerms(t, holds, () => true, source),
    /search-terms\.yaml:3: synonyms\.gun \("theragun"\): no page holds "gun"/,
  );
  assert.throws(
    () =>
      checkSearchTerms(
        t,
        () => true,
        (p) => p !== '/faq/nowhere/',
        source,
      ),
    /search-terms\.yaml:5: pinned page \/faq\/nowhere\//,
  );
  assert.doesNotThrow(() =>
    checkSearchTerms(
      t,
      () => true,
      () => true,
      source,
    ),
  );
  // A pinned phrase whose words search cannot find pins nothing: named, unless it finds them another way (a plural, a correction).
  const noKnee = (w: string) => w !== 'knee';
  assert.throws(
    () => checkSearchTerms(t, noKnee, () => true, source),
    /search-terms\.yaml:5: pinned \/faq\/nowhere\/: no page holds a word of "knee"/,
  );
  assert.doesNotThrow(() =>
    checkSearchTerms(
      t,
      noKnee,
      () => true,
      source,
      undefined,
      () => true,
    ),
  );
  assert.throws(() => parse2({ pinned: [{ page: 'faq/x', phrases: ['knee'] }] }, flagIds), /pinned\[0\]\.page/);
});

test('the glossaries turn a runner’s and a clinician’s words into the guide’s', () => {
  const guide = buildSearchWords(
    [
      'A calf strain or tear: use the squeeze test. Swelling, tingling and numbness, throbbing at night.',
      'Sciatica from the back; arterial blood flow; tendinopathy needs tendon loading and heel drops.',
      'Gastrocnemius and soleus. Stairs and training load. First aid.',
      'Painkillers: paracetamol or ibuprofen. Cramp and heavy legs.',
    ],
    terms,
    english,
  );
  const opts = { ...guide, vocabulary: parseVocabulary(guide.words), real: new Set(guide.real.split(' ')) };
  const cases: [string, string[]][] = [
    ['felt a twinge halfway through my run', ['strain', 'tear']],
    ['calf a bit puffy and throbs', ['swelling', 'throbbing']],
    ['tingly foot', ['tingling']],
    ['hurts going downstairs', ['stairs']],
    ['radiculopathy', ['sciatica']],
    ['popliteal artery entrapment', ['arterial']],
    ['positive thompson test', ['squeeze', 'test']],
    ['isometric holds achilles tendinosis', ['tendon', 'loading', 'tendinopathy']],
    ['medial gastroc tear', ['calf', 'strain']],
    ['acwr spike', ['training', 'load']],
    ['peace and love', ['first', 'aid']],
    ['nurofen for a pulled calf', ['ibuprofen', 'painkillers']],
    ['panadol', ['paracetamol', 'painkillers']],
    ['calf keeps twitching', ['cramp']],
    ['legs feel like lead', ['heavy']],
  ];
  for (const [q, want] of cases) {
    const { terms: got } = planQuery(q, opts);
    for (const w of want) assert.ok(got.includes(w), `${q}: searches "${w}" (got ${got.join(' ')})`);
  }
});

test('a runner’s story searches its telling words, not the words that tell it', () => {
  const guide = buildSearchWords(
    [
      'A calf strain or tear hurts on stairs.',
      'You felt it now, through the run, down the hill, but fine when it happens.',
    ],
    terms,
    english,
  );
  const opts = { ...guide, vocabulary: parseVocabulary(guide.words), real: new Set(guide.real.split(' ')) };
  const plan = planQuery(
    'felt a twinge halfway through my run and now it hurts going down stairs but fine when walking',
    opts,
  );
  for (const w of ['felt', 'now', 'through', 'down', 'but', 'fine', 'when'])
    assert.ok(!plan.terms.includes(w), `"${w}" is not searched (got ${plan.terms.join(' ')})`);
  assert.ok(plan.terms.includes('stairs') && plan.terms.includes('strain'), plan.terms.join(' '));
});
