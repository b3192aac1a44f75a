import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRedFlags } from '../../scripts/lib/content-data.ts';
import {
  TIERS,
  formatCheckHash,
  groupByTier,
  parseCheckHash,
  triage,
  worse,
  type Sign,
  type Tier,
} from '../../src/lib/triage.ts';

// The real checklist data, so the tests cover what readers see.
const signs: Sign[] = readRedFlags().map(({ id, tier }) => ({ id, tier }));
const ids = signs.map((s) => s.id);
const rank = (t: Tier) => TIERS.indexOf(t);

test('the data has every sign the content brief lists, each with a real tier', () => {
  // Written out from content-brief.md's red-flag table: a changed tier fails here.
  const brief: Record<string, Tier> = {
    'breathless-or-chest-pain': 'emergency',
    'cold-pale-or-blue-leg': 'emergency',
    'severe-unrelenting-pain': 'emergency',
    'tight-hard-swollen-calf': 'emergency',
    'back-pain-with-leg-signs': 'emergency',
    'pop-or-snap': 'a-and-e',
    'cannot-bear-weight': 'a-and-e',
    'cannot-rise-on-toes': 'a-and-e',
    'suspected-fracture': 'a-and-e',
    'swollen-red-warm-one-leg': 'urgent',
    'higher-clot-risk': 'urgent',
    fever: 'urgent',
    'numbness-or-tingling': 'urgent',
    'pain-at-rest': 'urgent',
    'cramp-over-10-minutes': 'urgent',
    'getting-worse': 'urgent',
    'no-better-after-7-days': 'soon',
    'heavy-bruising-or-swelling': 'soon',
    'keeps-coming-back': 'soon',
    'same-pain-every-run': 'soon',
    'bone-stress': 'soon',
  };
  assert.deepEqual(
    Object.fromEntries(signs.map((s) => [s.id, s.tier]).sort()),
    Object.fromEntries(Object.entries(brief).sort()),
  );
});

test('no sign ticked is self-care', () => {
  assert.equal(triage([], signs), 'self-care');
});

test('every combination of signs gives exactly its most serious tier, never lower', () => {
  const n = signs.length;
  let checked = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    const ticked = signs.filter((_, i) => mask & (1 << i));
    const expected = ticked.reduce<Tier>((t, s) => (rank(s.tier) < rank(t) ? s.tier : t), 'self-care');
    const got = triage(
      ticked.map((s) => s.id),
      signs,
    );
    assert.equal(got, expected, `ticked: ${ticked.map((s) => s.id).join(', ')}`);
    for (const s of ticked) assert.ok(rank(got) <= rank(s.tier), `${s.id} was under-triaged`);
    checked++;
  }
  assert.equal(checked, 2 ** n);
});

test('adding a sign never lowers the result', () => {
  for (const a of ids)
    for (const b of ids) {
      assert.ok(rank(triage([a, b], signs)) <= rank(triage([a], signs)));
    }
});

test('unknown and repeated ids are ignored', () => {
  assert.equal(triage(['not-a-sign', '<script>'], signs), 'self-care');
  assert.equal(triage(['keeps-coming-back', 'keeps-coming-back', 'nope'], signs), 'soon');
});

test('worse() picks the more serious tier, as the brief orders them', () => {
  // Written out from the content brief, not derived from TIERS: a reordered TIERS fails here.
  const table: [Tier, Tier, Tier][] = [
    ['emergency', 'a-and-e', 'emergency'],
    ['emergency', 'urgent', 'emergency'],
    ['emergency', 'soon', 'emergency'],
    ['emergency', 'self-care', 'emergency'],
    ['a-and-e', 'urgent', 'a-and-e'],
    ['a-and-e', 'soon', 'a-and-e'],
    ['a-and-e', 'self-care', 'a-and-e'],
    ['urgent', 'soon', 'urgent'],
    ['urgent', 'self-care', 'urgent'],
    ['soon', 'self-care', 'soon'],
  ];
  for (const [a, b, want] of table) {
    assert.equal(worse(a, b), want, `${a} vs ${b}`);
    assert.equal(worse(b, a), want, `${b} vs ${a}`);
  }
  for (const t of TIERS) assert.equal(worse(t, t), t);
});

test('groupByTier lists tiers most serious first and keeps every sign', () => {
  const groups = groupByTier(signs);
  assert.deepEqual(
    groups.map((g) => g.tier),
    ['emergency', 'a-and-e', 'urgent', 'soon'],
  );
  assert.equal(groups.flatMap((g) => g.signs).length, signs.length);
});

test('parseCheckHash keeps known ids in sign order and drops the rest', () => {
  assert.deepEqual(parseCheckHash('#check=fever,pop-or-snap', ids), ['pop-or-snap', 'fever']);
  assert.deepEqual(parseCheckHash('#check=FEVER,%20getting-worse,,', ids), ['getting-worse', 'fever']);
  assert.deepEqual(parseCheckHash('#check=fever,fever', ids), ['fever']);
  assert.deepEqual(parseCheckHash('', ids), []);
  assert.deepEqual(parseCheckHash('#sources', ids), []);
});

test('parseCheckHash survives hostile input without throwing', () => {
  const hostile = [
    '#check=<img src=x onerror=alert(1)>',
    '#check=%E0%A4%A',
    '#check=' + 'a,'.repeat(50_000),
    '#check=__proto__,constructor',
    '#check="fever"',
    "#check=fever';--",
    '#check=%00fever',
  ];
  for (const h of hostile) assert.deepEqual(parseCheckHash(h, ids), [], h.slice(0, 40));
});

test('formatCheckHash round-trips through parseCheckHash', () => {
  assert.equal(formatCheckHash([]), '');
  const some = ['pop-or-snap', 'fever'];
  assert.equal(formatCheckHash(some), '#check=pop-or-snap,fever');
  assert.deepEqual(parseCheckHash(formatCheckHash(some), ids), some);
});
