// A URL, once published, never breaks: every URL in tests/published-urls.json
// is still served by this build, or src/redirects.mjs sends it to one that is
// and the build has a redirect page for it. (tests/build/fixture.test.ts shows
// the redirect branch on a real Astro build; tests/e2e/urls.spec.ts follows
// redirects in a browser.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtManifest,
  fileForUrl,
  publishedUrls,
  readPages,
  refreshTarget,
  servedSite,
} from '../../scripts/lib/built-site.ts';
import { brokenPublishedUrls } from '../../src/lib/url-stability.ts';
import { manifestUrls } from '../../src/lib/manifest.ts';
import { redirects } from '../../src/redirects.mjs';

const published = publishedUrls();
const publishedPaths = [...new Set(published.map((u) => u.split('#')[0]!))];
const pages = readPages();

test('every published URL is still served, or redirected to a URL that is', () => {
  assert.deepEqual(brokenPublishedUrls(published, servedSite(pages, publishedPaths), redirects), []);
});

test('the published list holds every page and section in links.json (run `npm run urls:update` after adding some)', () => {
  assert.deepEqual(
    manifestUrls(builtManifest()).filter((u) => !published.includes(u)),
    [],
  );
});

test('every published page and file has a file in dist/; a redirected page has a redirect page to its target', () => {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const wrong: string[] = [];
  for (const url of publishedPaths) {
    if (!fileForUrl(url)) {
      wrong.push(`${url}: no file in dist/`);
      continue;
    }
    // The redirect page goes one step; brokenPublishedUrls above follows the chain to its end.
    const next = (redirects as Record<string, string>)[url];
    const page = byUrl.get(url);
    if (next !== undefined && refreshTarget(page!) !== next)
      wrong.push(`${url}: redirects to ${refreshTarget(page!) ?? 'nowhere'}, not ${next}`);
  }
  assert.deepEqual(wrong, []);
});
