// A URL, once published, never breaks: every URL in tests/published-urls.json
// is still served, or src/redirects.mjs sends it to one that is.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { brokenPublishedUrls, redirectTarget, type ServedSite } from '../../src/lib/url-stability.ts';
import { manifestUrls } from '../../src/lib/manifest.ts';
import { redirects } from '../../src/redirects.mjs';
import { builtPages, DIST } from './site.ts';
import { builtHtml, builtManifest, publishedUrls } from './manifest.ts';

const published = publishedUrls();
const publishedPaths = [...new Set(published.map((u) => u.split('#')[0]!))];

/** What this build serves: its pages with the element ids on each, and the published files that exist. */
function servedSite(): ServedSite {
  const pages = builtPages().filter((p) => p.endsWith('/'));
  const files = publishedPaths.filter((p) => !p.endsWith('/') && fs.existsSync(path.join(DIST, p)));
  return {
    paths: new Set([...pages, ...files]),
    ids: new Map(pages.map((p) => [p, new Set([...builtHtml(p).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))])),
  };
}

test('every published URL is still served, or redirected to a URL that is', () => {
  expect(brokenPublishedUrls(published, servedSite(), redirects)).toEqual([]);
});

test('the published list holds every page and section in links.json (run `npm run urls:update` after adding some)', () => {
  const missing = manifestUrls(builtManifest()).filter((u) => !published.includes(u));
  expect(missing).toEqual([]);
});

test('every published page and file answers over HTTP; a redirected one lands on its new URL', async ({ page, request }) => {
  for (const url of publishedPaths) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const target = redirectTarget(url, redirects);
    if (target !== undefined) {
      await page.goto(url);
      await page.waitForURL((u) => u.pathname + u.hash === target);
    }
  }
});
