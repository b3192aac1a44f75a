import assert from 'node:assert/strict';
import test from 'node:test';
import { longDate, reviewOverdue } from '../../src/lib/dates.ts';

test('longDate writes the day, the month in words and the year, in UTC', () => {
  assert.equal(longDate(new Date('2026-11-29')), '29 November 2026');
  // Midnight UTC on the 1st is still the 1st, whatever the machine's time zone.
  assert.equal(longDate(new Date('2027-01-01T00:00:00Z')), '1 January 2027');
});

test('reviewOverdue: a page is overdue from the day after its next review, by UTC day', () => {
  const next = new Date('2027-05-21T00:00:00Z');
  assert.equal(reviewOverdue(next, new Date('2027-05-21T23:59:00Z')), false);
  assert.equal(reviewOverdue(next, new Date('2027-05-22T00:00:00Z')), true);
  assert.equal(reviewOverdue(next, new Date('2026-12-07T12:00:00Z')), false);
});
