import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  careCards,
  groupProblems,
  groupSigns,
  MAX_SIGNS_PER_CARD,
  type SignGroup,
} from '../../src/lib/red-flag-groups.ts';
import { TIERS } from '../../src/lib/triage.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

// The real data, so the tests cover what readers see.
const signs = readRedFlags().map(({ id, tier }) => ({ id, tier }));
const groups = readContentYaml('red-flag-groups.yaml') as SignGroup[];
const ids = signs.map((s) => s.id);

test('every warning sign is in exactly one group', () => {
  assert.deepEqual(groupProblems(groups, ids), []);
  assert.deepEqual(groups.flatMap((g) => g.signs).sort(), [...ids].sort());
});

test('a sign in no group, in two, or unknown is named for the editors', () => {
  const [a, b] = ids;
  const broken: SignGroup[] = [
    { id: 'one', heading: 'One', signs: [a!, 'no-such-sign'] },
    { id: 'two', heading: 'Two', signs: [a!] },
  ];
  const problems = groupProblems(broken, [a!, b!]);
  assert.ok(problems.some((p) => p.includes('"no-such-sign"') && p.includes('not a warning sign')));
  assert.ok(problems.some((p) => p.includes(`"${a}" is in two groups`)));
  assert.ok(problems.some((p) => p.includes(`"${b}" is in no group`)));
});

test('care cards: no card holds more than five signs, every sign shows once, tiers most serious first', () => {
  const cards = careCards(groupSigns(groups, signs));
  assert.ok(cards.every((c) => c.signs.length > 0 && c.signs.length <= MAX_SIGNS_PER_CARD));
  assert.deepEqual(cards.flatMap((c) => c.signs.map((s) => s.id)).sort(), [...ids].sort());
  assert.ok(cards.every((c) => c.signs.every((s) => s.tier === c.tier)));
  const order = cards.map((c) => TIERS.indexOf(c.tier));
  assert.deepEqual(
    order,
    [...order].sort((x, y) => x - y),
  );
  // The urgent tier has more than five signs, so it is split, by group.
  const urgent = cards.filter((c) => c.tier === 'urgent');
  assert.ok(signs.filter((s) => s.tier === 'urgent').length > MAX_SIGNS_PER_CARD);
  assert.ok(urgent.length > 1);
});

test('care cards keep whole groups together while they fit, and split a group larger than a card', () => {
  const s = (id: string) => ({ id, tier: 'urgent' as const });
  const grouped = [
    { heading: 'A', signs: [s('a1'), s('a2'), s('a3')] },
    { heading: 'B', signs: [s('b1'), s('b2'), s('b3')] },
    { heading: 'C', signs: [s('c1')] },
    { heading: 'D', signs: [s('d1'), s('d2'), s('d3'), s('d4'), s('d5'), s('d6'), s('d7')] },
  ];
  const cards = careCards(grouped);
  assert.deepEqual(
    cards.map((c) => c.groups),
    [['A'], ['B', 'C'], ['D'], ['D']],
  );
  assert.deepEqual(
    cards.map((c) => c.signs.length),
    [3, 4, 5, 2],
  );
});
