// Published warning-sign ids are a contract like URLs (issue 21, finding 4):
// every id ever published keeps opening its sign, directly or through a rename.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { currentSignId, lostSignIds, SIGN_RENAMES } from '../../src/lib/sign-renames.ts';
import { parseCheckHash } from '../../src/lib/triage.ts';
import { keepKnown, parseHandoutHash } from '../../src/lib/handout.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

const published: string[] = JSON.parse(fs.readFileSync('tests/published-sign-ids.json', 'utf8')).ids;
const signIds = readRedFlags().map((f) => f.id);

test('every sign in red-flags.yaml is in the published list (run `npm run urls:update` after adding one)', () => {
  assert.deepEqual(
    signIds.filter((id) => !published.includes(id)),
    [],
  );
});

test('every published id opens a sign today, and every rename points at one', () => {
  assert.deepEqual(lostSignIds(published, new Set(signIds)), []);
  for (const [from, to] of Object.entries(SIGN_RENAMES))
    assert.ok(signIds.includes(currentSignId(to)), `${from} -> ${to}`);
});

test('a published id that is gone is reported unless it is renamed to a sign that exists', () => {
  const signs = new Set(['calf-snap', 'fever']);
  assert.deepEqual(lostSignIds(['pop-or-snap', 'fever'], signs, { 'pop-or-snap': 'calf-snap' }), []);
  const [gone] = lostSignIds(['pop-or-snap'], signs, {});
  assert.match(
    gone!,
    /"pop-or-snap" has been published.*#check=pop-or-snap.*SIGN_RENAMES in src\/lib\/sign-renames\.ts/,
  );
  const [wrong] = lostSignIds(['pop-or-snap'], signs, { 'pop-or-snap': 'snap' });
  assert.match(wrong!, /renamed to "snap".*not a sign/);
});

test('renames of renames are followed, and a loop ends', () => {
  assert.equal(currentSignId('a', { a: 'b', b: 'c' }), 'c');
  assert.equal(currentSignId('x', { a: 'b' }), 'x');
  assert.ok(['a', 'b'].includes(currentSignId('a', { a: 'b', b: 'a' })));
});

test('an old clinic link ticks the renamed sign, on the checklist and in the handout', () => {
  const renames = { 'pop-or-snap': 'calf-snap' };
  assert.deepEqual(parseCheckHash('#check=pop-or-snap,fever', ['calf-snap', 'fever'], renames), ['calf-snap', 'fever']);
  assert.deepEqual(parseCheckHash('#check=pop-or-snap,calf-snap', ['calf-snap'], renames), ['calf-snap']);
  const request = parseHandoutHash('#check=pop-or-snap,fever');
  assert.deepEqual(keepKnown(request, [], ['calf-snap', 'fever'], renames).check, ['calf-snap', 'fever']);
});
