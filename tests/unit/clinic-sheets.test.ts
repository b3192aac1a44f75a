// content/clinic-sheets.yaml: every mistake names the file, the line and the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { formatProblem } from '../../src/lib/content-checks.ts';
import { CLINIC_SHEETS_FILE, readClinicSheets, sheetRequest } from '../../src/lib/clinic-sheets.ts';
import { formatHandoutHash, MAX_PARTS } from '../../src/lib/handout.ts';
import { checkContent } from '../../src/content-loaders.ts';

const pages = new Map<string, Set<string> | null>([
  ['/treatments/painkillers/', new Set(['which-one'])],
  ['/red-flags/', null],
]);
const signs = new Set(['pop-or-snap', 'fever']);
const sheet = (fields: string) => `- id: a-sheet\n  title: A sheet\n  description: For someone.\n${fields}`;
const messages = (source: string) => readClinicSheets(source, pages, signs).problems.map(formatProblem);

test('a good sheet reads, and opens a handout with its pages and signs to watch for', () => {
  const { problems, sheets } = readClinicSheets(
    sheet('  pages: [/treatments/painkillers/, /treatments/painkillers/#which-one]\n  watch: [fever]\n'),
    pages,
    signs,
  );
  assert.deepEqual(problems, []);
  assert.equal(
    formatHandoutHash(sheetRequest(sheets[0]!)),
    '#pages=/treatments/painkillers/,/treatments/painkillers/%23which-one&watch=fever',
  );
});

test('a page, a section or a sign the guide does not have fails with the file and line', () => {
  assert.deepEqual(
    messages(
      sheet(
        '  pages:\n    - /treatments/painkiller/\n    - /treatments/painkillers/#gone\n    - treatments/ice\n  watch: [fever, popped]\n',
      ),
    ),
    [
      `${CLINIC_SHEETS_FILE} (line 5): "a-sheet": pages, item 1: "/treatments/painkiller/" is not a page of the guide: check the spelling, or add the page first.`,
      `${CLINIC_SHEETS_FILE} (line 6): "a-sheet": pages, item 2: "/treatments/painkillers/#gone" names a section that is not on /treatments/painkillers/: use one of its headings' ids.`,
      `${CLINIC_SHEETS_FILE} (line 7): "a-sheet": pages, item 3: "treatments/ice" is not a page address: write it as /treatments/ice/ or /treatments/ice/#a-section.`,
      `${CLINIC_SHEETS_FILE} (line 8): "a-sheet": watch, item 2: "popped" is not an id in content/red-flags.yaml. Check the spelling.`,
    ],
  );
});

test('a sheet needs pages and signs, at most what a handout holds, and no unknown field', () => {
  const many = Array.from({ length: MAX_PARTS + 1 }, () => '/red-flags/').join(', ');
  const text = messages(sheet(`  pages: [${many}]\n  watch: []\n  colour: red\n`)).join('\n');
  assert.match(text, new RegExp(`pages can list at most ${MAX_PARTS}`));
  assert.match(text, /watch must list at least one warning sign/);
  assert.match(text, /\(line 6\): .*unknown field "colour"/);
});

test("the project's own clinic sheets name pages and signs the guide has", () => {
  assert.ok(fs.existsSync(CLINIC_SHEETS_FILE));
  assert.deepEqual(
    checkContent()
      .problems.filter((p) => p.file === CLINIC_SHEETS_FILE)
      .map(formatProblem),
    [],
  );
});
