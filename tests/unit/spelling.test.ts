import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedEdits, correctWord, editDistance } from '../../src/lib/spelling.ts';
import { buildVocabulary, parseVocabulary } from '../../src/lib/search-vocabulary.ts';

test('edit distance counts inserts, deletes, changes and swaps of two letters, and stops past the limit', () => {
  assert.equal(editDistance('soleous', 'soleus', 2), 1);
  assert.equal(editDistance('calf', 'claf', 2), 1);
  assert.equal(editDistance('strech', 'stretch', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 3), 3);
  assert.equal(editDistance('abc', 'xyzuvw', 2), 3, 'one more than the limit');
});

test('short words are not corrected; longer words allow more edits', () => {
  assert.deepEqual(
    [3, 4, 5, 6, 12].map((n) => allowedEdits('x'.repeat(n))),
    [0, 1, 1, 2, 2],
  );
});

test('the vocabulary lists each word once, commonest first, letters only, from three letters', () => {
  assert.equal(buildVocabulary(["Don't run-5k, A&E 111"]), 'dont run', "the search tokenizer's words of letters alone");
  assert.equal(
    buildVocabulary(['bee an cow', 'cow bee bee', 'cow do']),
    'cow bee',
    'cow is on three pages, bee on two; short words are left out',
  );
  assert.equal(buildVocabulary(['the cow and the bee'], ['the', 'and']), 'bee cow', 'filler is left out');
});

const vocabulary = parseVocabulary(
  buildVocabulary([
    'calf calves pain running muscles stretch gastrocnemius soleus heel drops exercises achilles tendonitis hamstring rolling marathon',
    'calf pain running shin splints',
  ]),
);

test('misspellings are corrected to the nearest guide word', () => {
  const cases: Record<string, string> = {
    gastrocnemus: 'gastrocnemius',
    soleous: 'soleus',
    strech: 'stretch',
    excercises: 'exercises',
    tendonitus: 'tendonitis',
    achilis: 'achilles',
    hamstrng: 'hamstring',
    callf: 'calf',
    runing: 'running',
  };
  for (const [typed, to] of Object.entries(cases)) assert.equal(correctWord(typed, vocabulary), to, typed);
});

test('plurals and joined words find the guide’s form', () => {
  assert.equal(correctWord('hamstrings', vocabulary), 'hamstring');
  assert.equal(correctWord('shinsplints', vocabulary), 'shin splints');
  assert.equal(correctWord('heeldrop', vocabulary), 'heel drops');
});

test('a word near no guide word is unknown, not forced onto one', () => {
  for (const w of ['paracetamol', 'ibuprofen', 'calfzilla', 'killing']) assert.equal(correctWord(w, vocabulary), '', w);
});

test('a real word the guide lacks is named, not corrected to a guide word it looks like; its plural or singular still counts', () => {
  const guide = parseVocabulary('having take tendon strain calves');
  assert.equal(correctWord('hiking', guide), 'having', 'without the list of real words');
  const real = new Set(['hiking', 'tape', 'tender', 'calve']);
  for (const w of ['hiking', 'tape', 'tender']) assert.equal(correctWord(w, guide, { real }), '', w);
  assert.equal(correctWord('calve', guide, { real }), 'calves');
  assert.equal(correctWord('strian', guide, { real }), 'strain', 'a typo is still corrected');
});

test('guide words, short words and numbers are known as they are', () => {
  for (const w of ['calf', 'pt', 'gp', '5k', '10']) assert.equal(correctWord(w, vocabulary), w, w);
});

test('the start of a guide word, while typed, is known as it is', () => {
  assert.equal(correctWord('gastroc', vocabulary, { partial: true }), 'gastroc');
  assert.equal(correctWord('gastroc', vocabulary), '');
});

test('of two guide words as near, the commoner wins', () => {
  assert.equal(correctWord('gane', parseVocabulary('game gate gave')), 'game');
  assert.equal(correctWord('gane', parseVocabulary('gate game gave')), 'gate');
  assert.equal(correctWord('gane', parseVocabulary('lane game')), 'game', 'a typo keeps its first letter');
});
