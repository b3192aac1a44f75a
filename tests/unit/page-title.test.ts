import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_TITLE_LENGTH, pageTitle } from '../../src/lib/page-title.ts';

const SITE = 'Sore Calves Guide';

test('a short page title is followed by the site name', () => {
  assert.equal(pageTitle('Ice', SITE), 'Ice | Sore Calves Guide');
});

test('the home page title is the site name once', () => {
  assert.equal(pageTitle(SITE, SITE), SITE);
});

test('a title that would run past the limit keeps its own words and drops the site name', () => {
  const long = 'Is it better to stretch my calves before or after a run?';
  assert.ok(`${long} | ${SITE}`.length > MAX_TITLE_LENGTH);
  assert.equal(pageTitle(long, SITE), long);
});

test('a title exactly at the limit keeps the site name', () => {
  const title = 'x'.repeat(MAX_TITLE_LENGTH - ` | ${SITE}`.length);
  assert.equal(pageTitle(title, SITE).length, MAX_TITLE_LENGTH);
  assert.ok(pageTitle(title, SITE).endsWith(SITE));
});
