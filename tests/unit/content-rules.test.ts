// The content brief's rules that a parser can hold, over every word a reader
// sees in content/: the MDX entries (reader-facing frontmatter and body) and
// the YAML data (red flags, tiers, source descriptions).
// CONTENT_ROOT=/other/content runs the same rules on another copy of the content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { careNearInjury, hasFirstDaysRule, mdxText, sentence, secondHand, swellingWithoutWarning, wrongNumbers } from '../../src/lib/content-rules.ts';

interface Text {
  file: string;
  /** Plain reader-facing text, one sentence per heading, list item or sentence. */
  text: string;
  /** Self-care pages; the red-flag data is the warning itself. */
  selfCare: boolean;
}

const YAML_FIELDS: Record<string, string[]> = {
  'red-flags.yaml': ['sign', 'why'],
  'red-flag-tiers.yaml': ['prefix', 'heading', 'action', 'caution'],
  'sources.yaml': ['title', 'subtitle', 'publisher', 'note'],
};

function readTexts(root: string): Text[] {
  const mdx = ['causes', 'treatments', 'faq'].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
      const file = path.join(root, dir, f);
      return { file, text: mdxText(fs.readFileSync(file, 'utf8')), selfCare: true };
    }));
  const yaml = Object.entries(YAML_FIELDS).map(([f, fields]) => {
    const file = path.join(root, f);
    const list = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    const text = list.flatMap((item) => fields.map((k) => item[k]).filter((v): v is string => typeof v === 'string').map(sentence)).join(' ');
    return { file, text, selfCare: false };
  });
  return [...mdx, ...yaml];
}

// ---- Each check can fail: the old wording it was written against ----

test('check 1 catches second-hand voice', () => {
  assert.equal(secondHand('The articles give different times to get help, so we take the safest view.').length, 1);
  assert.equal(secondHand('A physiotherapist says this is the pattern many runners describe.').length, 1);
  assert.equal(secondHand('One article says landing on the front of the foot spares the calves.').length, 1);
  assert.deepEqual(secondHand('Some advice says add 10%. A physiotherapist can check your calf.'), []);
});

test('check 2 catches numbers that differ from the brief', () => {
  assert.equal(wrongNumbers('Ice the calf for 15 minutes.').length, 1);
  assert.equal(wrongNumbers('Ice it for 10-20 minutes every 2 to 3 hours in the first 48 hours.').length, 1);
  assert.equal(wrongNumbers('Add no more than 15% a week to your mileage.').length, 1);
  assert.equal(wrongNumbers('See a doctor if it is no better after 2 weeks.').length, 1);
  assert.equal(wrongNumbers('Aim for 170 to 180 steps a minute.').length, 1);
  assert.equal(wrongNumbers('Raise your step rate by 10% at a time.').length, 1);
  assert.deepEqual(wrongNumbers(
    'Ice it for 10 to 20 minutes, wrapped in a cloth, every 2 to 3 hours in the first 2 to 3 days. ' +
    'Add about 10% a week; problems are common when runners add more than 20% in a week. ' +
    'Get it checked if it is no better after 7 to 10 days. Raise your step rate by about 5% at a time. ' +
    'About 170 to 180 steps a minute is a rough guide, not a target. Most strains feel better in about 2 weeks. ' +
    'See a doctor if shin pain is no better after a week. You may hear 170 to 180 steps a minute is ideal. ' +
    'It is a rough guide, not a target. Raise it by about 5%, for example from 160 to 168 steps a minute.'), []);
  assert.equal(wrongNumbers('You may hear 170 to 180 steps a minute is ideal. Most runners are slower.').length, 1);
});

test('check 3 knows the first-days rule when it sees it', () => {
  const old = 'Do not foam roll or massage a calf you think is torn. For the first 2 to 3 days, rest the leg and use ice.';
  assert.equal(careNearInjury(old).length, 1);
  assert.equal(hasFirstDaysRule(old), false);
  assert.deepEqual(careNearInjury('A stretchy bandage after a strain is first aid.'), []);
  assert.equal(hasFirstDaysRule('For the first 2 to 3 days after a strain, do not massage, roll, heat or stretch the hurt muscle, and avoid alcohol.'), true);
});

test('check 4 catches swelling without the one-leg warning', () => {
  assert.equal(swellingWithoutWarning('If the calf is sore and a little swollen after a big week, ice can ease it.').length, 1);
  assert.deepEqual(swellingWithoutWarning('Signs include feeling sick and swollen hands.'), []);
  assert.deepEqual(swellingWithoutWarning('Puffy calves can be normal. Swelling in one leg may be a blood clot.'), []);
});

// ---- The rules over the content ----

const texts = readTexts(process.env.CONTENT_ROOT ?? 'content');
const report = (found: { file: string; what: string[] }[]) =>
  found.filter((f) => f.what.length).map((f) => `${f.file}:\n  ${f.what.join('\n  ')}`).join('\n');

test('1. reader-facing text never says "the articles", "one article", "the sources" or "a physio says"', () => {
  assert.ok(texts.length > 3);
  const found = report(texts.map((t) => ({ file: t.file, what: secondHand(t.text) })));
  assert.ok(!found, `say it in the guide's own voice:\n${found}`);
});

test('2. ice minutes, weekly increase, days before getting checked and step rate match the brief', () => {
  const found = report(texts.map((t) => ({ file: t.file, what: wrongNumbers(t.text) })));
  assert.ok(!found, `use the brief's numbers:\n${found}`);
});

test('3. a page that mentions massage, rolling, heat or stretching with a strain or injury gives the first-days rule', () => {
  const found = report(texts.filter((t) => t.selfCare && !hasFirstDaysRule(t.text)).map((t) => ({ file: t.file, what: careNearInjury(t.text) })));
  assert.ok(!found, `add: for the first 2 to 3 days after a strain, no massage, no rolling, no heat, no alcohol, no stretching of the hurt muscle:\n${found}`);
});

test('4. a page that mentions swelling in self-care text warns about swelling in one leg (a possible clot)', () => {
  const found = report(texts.filter((t) => t.selfCare).map((t) => ({ file: t.file, what: swellingWithoutWarning(t.text) })));
  assert.ok(!found, `add the one-leg warning (swelling in one leg may be a blood clot: /red-flags/#check=swollen-red-warm-one-leg):\n${found}`);
});
