// The content brief's rules that a parser can hold, over every word a reader
// sees in content/: the MDX entries (reader-facing frontmatter and body) and
// the YAML data (red flags, tiers, source descriptions).
// CONTENT_ROOT=/other/content runs the same rules on another copy of the content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readContentYaml } from '../../scripts/lib/content-data.ts';
import {
  CLOT_HOMES,
  CLOT_POINTER,
  FIRST_DAYS_HOME,
  careNearInjury,
  clotLines,
  firstDaysBlocks,
  fullClotWarnings,
  hasFirstDaysRule,
  mdxText,
  repeatedSafety,
  secondHand,
  DATA_READER_FIELDS,
  dataText,
  treatsSwellingOrStrain,
  wrongNumbers,
  FIRST_DAYS_FILES,
} from '../../src/lib/content-rules.ts';

interface Text {
  file: string;
  /** Plain reader-facing text, one sentence per heading, list item or sentence. */
  text: string;
  /** Self-care pages; the red-flag data is the warning itself. */
  selfCare: boolean;
}

function readTexts(root: string): Text[] {
  const mdx = ['causes', 'treatments', 'faq'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((f) => {
        const file = path.join(root, dir, f);
        return { file, text: mdxText(fs.readFileSync(file, 'utf8')), selfCare: true };
      }),
  );
  const yaml = Object.entries(DATA_READER_FIELDS).map(([f, fields]) => {
    const file = path.join(root, f);
    const text = dataText(readContentYaml<Record<string, unknown>[]>(f, root), fields);
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
  assert.deepEqual(
    wrongNumbers(
      'Ice it for 10 to 20 minutes, wrapped in a cloth, every 2 to 3 hours in the first 2 to 3 days. ' +
        'Add about 10% a week; problems are common when runners add more than 20% in a week. ' +
        'Get it checked if it is no better after 7 to 10 days. Raise your step rate by about 5% at a time. ' +
        'About 170 to 180 steps a minute is a rough guide, not a target. Most strains feel better in about 2 weeks. ' +
        'See a doctor if shin pain is no better after a week. You may hear 170 to 180 steps a minute is ideal. ' +
        'It is a rough guide, not a target. Raise it by about 5%, for example from 160 to 168 steps a minute.',
    ),
    [],
  );
  assert.equal(wrongNumbers('You may hear 170 to 180 steps a minute is ideal. Most runners are slower.').length, 1);
});

test('check 3 knows the one first-days sentence, and the pasted list', () => {
  const old =
    'Do not foam roll or massage a calf you think is torn. For the first 2 to 3 days, rest the leg and use ice.';
  assert.equal(careNearInjury(old).length, 1);
  assert.equal(hasFirstDaysRule(old), false);
  assert.deepEqual(careNearInjury('A stretchy bandage after a strain is first aid.'), []);
  assert.equal(hasFirstDaysRule('Do not use a foam roller on a strained calf in the first 2 to 3 days.'), true);
  const pasted =
    'For the first 2 to 3 days after a strain, do not massage, roll, heat or stretch the hurt muscle, and avoid alcohol.';
  assert.equal(firstDaysBlocks(pasted).length, 1);
  assert.deepEqual(firstDaysBlocks('Not in the first 2 to 3 days after a strain.'), []);
  assert.deepEqual(firstDaysBlocks('Until you have been checked, do not ice, massage, roll or stretch the calf.'), []);
});

test('check 4 tells the full one-leg warning from the pointer, and counts repeats', () => {
  const full =
    'Swelling in one leg, or a calf that is warm, red or darker, may be a blood clot (DVT). Do not ice, massage or roll it.';
  const pointer = 'Swelling in one leg only? That can be a clot: check the warning signs.';
  assert.equal(fullClotWarnings(full).length, 1);
  assert.equal(
    fullClotWarnings('Never roll a calf if one leg is swollen, warm, red or darker. It may be a blood clot.').length,
    1,
  );
  assert.deepEqual(fullClotWarnings(pointer), []);
  assert.deepEqual(fullClotWarnings('Warm up first. Both calves may swell a little. One leg may feel red.'), []);
  assert.equal(clotLines(pointer).length, 1);
  assert.equal(clotLines(`${pointer} Ice it. ${pointer}`).length, 2);
  assert.equal(repeatedSafety(`${full} Rest. ${full}`).length, 1);
  assert.deepEqual(repeatedSafety(`${pointer} Rest it.`), []);
  assert.equal(
    treatsSwellingOrStrain('If the calf is sore and a little swollen after a big week, ice can ease it.'),
    true,
  );
  assert.equal(treatsSwellingOrStrain('Signs include feeling sick and swollen hands.'), false);
  assert.equal(treatsSwellingOrStrain('After a strain, ice the calf.'), true);
  assert.equal(treatsSwellingOrStrain('Tight hips put more strain on your calves.'), false);
  assert.match('[check the warning signs](/red-flags/#check=swollen-red-warm-one-leg).', CLOT_POINTER);
  assert.match('[a clot](/faq/could-my-calf-pain-be-a-blood-clot/)', CLOT_POINTER);
  assert.doesNotMatch('[the warning signs](/red-flags/)', CLOT_POINTER);
});

// ---- The rules over the content ----

const texts = readTexts(process.env.CONTENT_ROOT ?? 'content');
const report = (found: { file: string; what: string[] }[]) =>
  found
    .filter((f) => f.what.length)
    .map((f) => `${f.file}:\n  ${f.what.join('\n  ')}`)
    .join('\n');

test('1. reader-facing text never says "the articles", "one article", "the sources" or "a physio says"', () => {
  assert.ok(texts.length > 3);
  const found = report(texts.map((t) => ({ file: t.file, what: secondHand(t.text) })));
  assert.ok(!found, `say it in the guide's own voice:\n${found}`);
});

test('2. ice minutes, weekly increase, days before getting checked and step rate match the brief', () => {
  const found = report(texts.map((t) => ({ file: t.file, what: wrongNumbers(t.text) })));
  assert.ok(!found, `use the brief's numbers:\n${found}`);
});

test('3. where massage, rolling, heat or stretching meets a strain, one sentence says "not in the first 2 to 3 days"', () => {
  const found = report(
    texts
      .filter((t) => t.selfCare && !hasFirstDaysRule(t.text))
      .map((t) => ({ file: t.file, what: careNearInjury(t.text) })),
  );
  assert.ok(
    !found,
    `say in one sentence that it is not for the first 2 to 3 days after a strain (the full rule: ${FIRST_DAYS_HOME}):\n${found}`,
  );
});

test("3b. the whole list of first-days don'ts is given once a page, only on its homes", () => {
  const found = report(
    texts
      .filter((t) => t.selfCare)
      .map((t) => {
        const blocks = firstDaysBlocks(t.text);
        return {
          file: t.file,
          what: FIRST_DAYS_FILES.some((f) => t.file.endsWith(f)) ? (blocks.length > 1 ? blocks : []) : blocks,
        };
      }),
  );
  assert.ok(
    !found,
    `say only what this page needs in one sentence ("not in the first 2 to 3 days after a strain"), and link to ${FIRST_DAYS_HOME}:\n${found}`,
  );
});

const isClotHome = (file: string) => CLOT_HOMES.some((h) => file.endsWith(h));

test('4. self-care text that treats swelling or a strain points to the clot warning', () => {
  const found = texts
    .filter(
      (t) =>
        t.selfCare &&
        !isClotHome(t.file) &&
        treatsSwellingOrStrain(t.text) &&
        !CLOT_POINTER.test(fs.readFileSync(t.file, 'utf8')),
    )
    .map((t) => t.file);
  assert.deepEqual(
    found,
    [],
    'add one line: "Swelling in one leg only? That can be a clot: [check the warning signs](/red-flags/#check=swollen-red-warm-one-leg)."',
  );
});

test('4b. the full one-leg warning appears only on its home pages', () => {
  const found = report(
    texts
      .filter((t) => t.selfCare && !isClotHome(t.file))
      .map((t) => ({ file: t.file, what: fullClotWarnings(t.text) })),
  );
  assert.ok(
    !found,
    `give the one-line pointer instead; the full warning lives on ${CLOT_HOMES.join(', ')} and /red-flags/:\n${found}`,
  );
});

test('4c. no safety line appears more than once on a page, and the clot pointer at most once', () => {
  const found = report(
    texts
      .filter((t) => t.selfCare)
      .map((t) => {
        const lines = isClotHome(t.file) ? [] : clotLines(t.text);
        return { file: t.file, what: [...repeatedSafety(t.text), ...(lines.length > 1 ? lines : [])] };
      }),
  );
  assert.ok(!found, `say it once a page:\n${found}`);
});
