import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchSigns } from '../../src/lib/danger-signs.ts';
import { parseSearchTerms } from '../../src/lib/search-terms.ts';
import { planQuery } from '../../src/lib/search.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

const flagIds = readRedFlags().map((f) => f.id);
const terms = parseSearchTerms(readContentYaml('search-terms.yaml'), flagIds);
const signsFor = (query: string) => matchSigns(planQuery(query, { synonyms: terms.synonyms }).said, terms.signs);

test('a phrase matches when all its words are in the query, in any order, plural or not; unless words stop it', () => {
  const signs = [
    { id: 'cold', phrases: ['cold leg'], unless: ['pack'] },
    { id: 'pop', phrases: ['pop'] },
  ];
  assert.deepEqual(matchSigns(['my', 'legs', 'are', 'cold'], signs), ['cold']);
  assert.deepEqual(matchSigns(['cold', 'pack', 'leg'], signs), []);
  assert.deepEqual(matchSigns(['pops', 'cold', 'leg'], signs), ['cold', 'pop'], 'in the order given');
  assert.deepEqual(
    matchSigns(["Can't", 'feel', 'my', 'CALVES'], [{ id: 'numb', phrases: ['cant feel calf'] }]),
    ['numb'],
    'the search tokenizer and plural rule: "calves" is "calf"',
  );
});

test('every sign in the search terms is a red flag, and each red flag has phrases', () => {
  assert.deepEqual(
    terms.signs.map((s) => s.id),
    flagIds,
  );
});

test('a sign id that is not a red flag fails with the file and key named', () => {
  assert.throws(
    () => parseSearchTerms({ signs: { 'pop-or-snapp': { phrases: ['pop'] } } }, flagIds),
    /content\/search-terms\.yaml: signs\.pop-or-snapp: "pop-or-snapp" is not a red-flag id in content\/red-flags\.yaml/,
  );
  assert.throws(() => parseSearchTerms({ signs: { fever: { phrases: 'fever' } } }, flagIds), /signs\.fever\.phrases/);
  assert.throws(() => parseSearchTerms({ synonyms: { physio: 'pt' } }, flagIds), /synonyms\.physio/);
});

// What runners type, and the sign each names first (most serious first).
const named: Record<string, string> = {
  'felt a pop': 'pop-or-snap',
  'heard a snap in my calf': 'pop-or-snap',
  'like someone kicked me in the calf': 'pop-or-snap',
  "can't stand on tiptoes after hurting calf": 'cannot-rise-on-toes',
  'cannot rise on my toes': 'cannot-rise-on-toes',
  "can't walk": 'cannot-bear-weight',
  'cant put weight on my leg': 'cannot-bear-weight',
  'one swollen leg': 'swollen-red-warm-one-leg',
  'DVT symptoms': 'swollen-red-warm-one-leg',
  'blood clot in calf': 'swollen-red-warm-one-leg',
  'calf pain and chest pain': 'breathless-or-chest-pain',
  'breathless and calf hurts': 'breathless-or-chest-pain',
  'pain in one leg and short of breath': 'breathless-or-chest-pain',
  'numb foot after run': 'numbness-or-tingling',
  'pins and needles in my calf': 'numbness-or-tingling',
  'foot gone cold': 'cold-pale-or-blue-leg',
  'pale leg': 'cold-pale-or-blue-leg',
  'blue foot': 'cold-pale-or-blue-leg',
  'fever and calf pain': 'fever',
  "cramp that won't stop": 'cramp-over-10-minutes',
  'calf cramp lasting an hour': 'cramp-over-10-minutes',
  'calf rock hard and swollen': 'tight-hard-swollen-calf',
  'calf pain after long flight': 'higher-clot-risk',
  'calf pain wakes me up at night': 'pain-at-rest',
  'severe pain in calf': 'severe-unrelenting-pain',
  'calf still sore after a week not getting better': 'no-better-after-7-days',
  'big bruise on calf': 'heavy-bruising-or-swelling',
  'calf pain getting worse': 'getting-worse',
  'calf pain keeps coming back': 'keeps-coming-back',
  'same pain every run': 'same-pain-every-run',
  'calf still sore after 10 days of rest': 'no-better-after-7-days',
  'rested a week and it is not going away': 'no-better-after-7-days',
  'calf hurts more when I wiggle my toes': 'tight-hard-swollen-calf',
  'painkillers not working for my calf': 'severe-unrelenting-pain',
  'calf pain and my heart is racing': 'breathless-or-chest-pain',
  'one leg fatter than the other and warm': 'swollen-red-warm-one-leg',
  'cant do a single heel raise': 'cannot-rise-on-toes',
  'calf worse every day even with ice': 'getting-worse',
  'calf pain after a long car journey': 'higher-clot-risk',
  'calf went twang during intervals': 'pop-or-snap',
  'can only hobble a couple of steps': 'cannot-bear-weight',
  'sore calf after my knee op': 'higher-clot-risk',
  'heard a cracking sound and her foot is pointing outwards': 'suspected-fracture',
  'spat up blood streaked phlegm': 'breathless-or-chest-pain',
  'one calf hot and red': 'swollen-red-warm-one-leg',
  'calf feels warm to touch': 'swollen-red-warm-one-leg',
};

for (const [query, id] of Object.entries(named)) {
  test(`"${query}" names ${id} first`, () => assert.equal(signsFor(query)[0], id));
}

test('ordinary queries name no warning sign', () => {
  for (const q of [
    'calf cramp',
    'tight calves',
    'cold pack',
    'ice or heat',
    'leg cramps at night',
    'calf raises',
    'rest day',
    'new shoes',
    'foam roller',
    'how long to heal',
    'stretch before or after running',
    'calves still sore 2 days after a marathon',
    'toe walking drills',
    'my calves are screaming after hill reps',
    'compression sleeve pressure in calf',
    'heel raises for sore calves',
    'first few steps in the morning hurt',
    'hobbling down stairs after a marathon',
    'ramping up mileage',
    'am i stretching my calf the wrong way',
    'heel lift inserts for achilles',
    'calf pain goes away after warm up',
    'calf stretches for a warm up',
    'hot and cold therapy for calves',
  ]) {
    assert.deepEqual(signsFor(q), [], q);
  }
});
