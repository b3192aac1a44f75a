// SITE_URL: the guide is built for the root of an http(s) address, or not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDER_SITE, placeholderWarning, resolveSiteUrl } from '../../src/lib/site-url.ts';

test('no SITE_URL builds for the placeholder, and the warning says so and how to set it', () => {
  for (const value of [undefined, '', '  '])
    assert.deepEqual(resolveSiteUrl(value), { site: PLACEHOLDER_SITE, isPlaceholder: true });
  assert.match(placeholderWarning(), /QR codes will point to the placeholder https:\/\/calf-guide\.example/);
  assert.match(placeholderWarning(), /SITE_URL=https:\/\/\S+ npm run build/);
});

test('an origin, with or without a trailing slash, is used as it is', () => {
  assert.deepEqual(resolveSiteUrl('https://calves.clinic.example'), {
    site: 'https://calves.clinic.example',
    isPlaceholder: false,
  });
  assert.deepEqual(resolveSiteUrl('http://localhost:8080/'), { site: 'http://localhost:8080', isPlaceholder: false });
});

test('an address with a path fails, saying why and what to use instead', () => {
  for (const value of [
    'https://clinic.example/guide',
    'https://clinic.example/guide/',
    'https://clinic.example/?x=1',
  ]) {
    assert.throws(
      () => resolveSiteUrl(value),
      /must be served at the root of its address.*SITE_URL=https:\/\/calves\.clinic\.example/,
      value,
    );
  }
});

test('an address that is not http(s) fails', () => {
  assert.throws(() => resolveSiteUrl('clinic.example'), /is not a web address/);
  assert.throws(() => resolveSiteUrl('ftp://clinic.example'), /must start with https:\/\//);
});
