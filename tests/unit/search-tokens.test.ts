import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { forms, singular, words } from '../../src/lib/search-tokens.ts';

test('words: lowercase, apostrophes dropped, split at anything but letters, digits and "&" inside a word', () => {
  assert.deepEqual(words("Can't stand, A&E!"), ['cant', 'stand', 'a&e']);
  assert.deepEqual(words('  Calf-raises: 3×15 at 5k pace… & more '), [
    'calf',
    'raises',
    '3',
    '15',
    'at',
    '5k',
    'pace',
    'more',
  ]);
  assert.deepEqual(words('I’m “fine”'), ['im', 'fine']);
  assert.deepEqual(
    words('Muskelkater im Wadenmuskel'),
    ['muskelkater', 'im', 'wadenmuskel'],
    'letters of any language',
  );
  assert.deepEqual(words(' -- '), []);
});

test('singular: one rule for plurals, any other word is itself', () => {
  const cases: Record<string, string> = {
    calves: 'calf',
    halves: 'half',
    injuries: 'injury',
    stretches: 'stretch',
    boxes: 'box',
    shoes: 'shoe',
    legs: 'leg',
    hamstrings: 'hamstring',
    nerves: 'nerve',
    bruises: 'bruise',
    days: 'day',
    knees: 'knee',
    stress: 'stress',
    soleus: 'soleus',
    tendinosis: 'tendinosis',
    calf: 'calf',
    its: 'its',
    gas: 'gas',
    run: 'run',
  };
  for (const [plural, one] of Object.entries(cases)) assert.equal(singular(plural), one, plural);
});

test('forms: the word, its singular and its plurals; both numbers of a word have one singular', () => {
  for (const [a, b] of [
    ['calf', 'calves'],
    ['injury', 'injuries'],
    ['stretch', 'stretches'],
    ['shoe', 'shoes'],
    ['leg', 'legs'],
  ]) {
    assert.ok(forms(a!).includes(b!), `${a} -> ${b}`);
    assert.ok(forms(b!).includes(a!), `${b} -> ${a}`);
    assert.equal(singular(b!), singular(a!), `${a} ${b}`);
  }
  assert.notEqual(singular('shins'), singular('shine'));
});

// The one home: no other search module splits text into words or strips a plural "s" itself.
test('every search module takes its words and plurals from src/lib/search-tokens.ts', () => {
  const modules = [
    'src/lib/search.ts',
    'src/lib/spelling.ts',
    'src/lib/search-vocabulary.ts',
    'src/lib/search-words.ts',
    'src/lib/danger-signs.ts',
    'src/lib/search-terms.ts',
  ];
  for (const file of modules) {
    const source = fs.readFileSync(path.resolve(file), 'utf8');
    assert.doesNotMatch(source, /\.split\(\/\[\^\\p\{L\}/u, `${file} splits text into words itself`);
    assert.doesNotMatch(source, /(ies|es|s)\$\//, `${file} has its own plural rule`);
  }
});
