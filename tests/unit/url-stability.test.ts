import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brokenPublishedUrls, redirectTarget, type ServedSite } from '../../src/lib/url-stability.ts';
import { pageRedirects, redirects } from '../../src/redirects.mjs';
import { ID_PATTERN } from '../../src/lib/urls.ts';

const served = (pages: Record<string, string[]>, files: string[] = []): ServedSite => ({
  paths: new Set([...Object.keys(pages), ...files]),
  ids: new Map(Object.entries(pages).map(([p, ids]) => [p, new Set(ids)])),
});

const site = served({ '/': [], '/faq/': ['all-questions'], '/causes/ice/': ['what-to-do'] }, ['/links.json']);

test('nothing is broken while every published URL is still served', () => {
  assert.deepEqual(
    brokenPublishedUrls(['/', '/faq/#all-questions', '/causes/ice/#what-to-do', '/links.json'], site, {}),
    [],
  );
});

test('a removed page without a redirect is broken, and so are its sections', () => {
  const problems = brokenPublishedUrls(['/faq/old-question/', '/faq/old-question/#why'], site, {});
  assert.equal(problems.length, 2);
  assert.match(
    problems[0]!,
    /^\/faq\/old-question\/: the build no longer serves \/faq\/old-question\/\. Add a redirect .* src\/redirects\.mjs/,
  );
});

test('a redirect to a served page makes a removed page and its sections acceptable', () => {
  const moved = { '/faq/old-question/': '/faq/' };
  assert.deepEqual(brokenPublishedUrls(['/faq/old-question/', '/faq/old-question/#why'], site, moved), []);
  assert.deepEqual(
    brokenPublishedUrls(['/faq/old-question/'], site, { '/faq/old-question/': '/faq/#all-questions' }),
    [],
  );
});

test('a redirect to a URL the build does not serve is not accepted', () => {
  const [problem, ...rest] = brokenPublishedUrls(['/faq/old-question/'], site, { '/faq/old-question/': '/faq/gone/' });
  assert.equal(rest.length, 0);
  assert.match(problem!, /sends \/faq\/old-question\/ to \/faq\/gone\/, which the build does not serve/);
  assert.equal(brokenPublishedUrls(['/a/'], site, { '/a/': '/faq/#no-such-section' }).length, 1);
});

test('redirects are followed to the end of a chain, and a loop is an error', () => {
  assert.equal(redirectTarget('/a/', { '/a/': '/b/', '/b/': '/faq/' }), '/faq/');
  assert.equal(redirectTarget('/faq/', { '/a/': '/b/' }), undefined);
  assert.deepEqual(brokenPublishedUrls(['/a/'], site, { '/a/': '/b/', '/b/': '/faq/' }), []);
  assert.throws(() => redirectTarget('/a/', { '/a/': '/b/', '/b/': '/a/' }), /loop/);
});

test('a section gone from a page that is still served is broken, unless src/redirects.mjs lists it', () => {
  const [problem] = brokenPublishedUrls(['/causes/ice/#how-long'], site, {});
  assert.match(problem!, /no longer has a section with the id "how-long"/);
  assert.deepEqual(
    brokenPublishedUrls(['/causes/ice/#how-long'], site, { '/causes/ice/#how-long': '/causes/ice/#what-to-do' }),
    [],
  );
  assert.equal(
    brokenPublishedUrls(['/causes/ice/#how-long'], site, { '/causes/ice/#how-long': '/causes/ice/#gone' }).length,
    1,
  );
});

test('every entry in src/redirects.mjs goes from a page or section URL to another, without a loop', () => {
  for (const [from, to] of Object.entries(redirects)) {
    assert.match(from, new RegExp(`^/(?:(?:${ID_PATTERN}/)+|(?:${ID_PATTERN}/)*#${ID_PATTERN})$`), from);
    assert.match(to, new RegExp(`^/(?:${ID_PATTERN}/)*(?:#${ID_PATTERN})?$`), to);
    assert.doesNotThrow(() => redirectTarget(from, redirects));
  }
  assert.deepEqual(
    Object.keys(pageRedirects),
    Object.keys(redirects).filter((from) => !from.includes('#')),
  );
});
