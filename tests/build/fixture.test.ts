// What the guide's own build cannot show, on a tiny site built with Astro's
// build() API, the guide's astro.config.mjs and its layout: a real redirect
// (a published URL whose page moved) and a copy built for another SITE_URL,
// as a clinic hosting its own copy would build it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'astro';
import { readPages, refreshTarget, servedSite } from '../../scripts/lib/built-site.ts';
import { brokenPublishedUrls } from '../../src/lib/url-stability.ts';

const CLINIC = 'https://clinic.example';
const root = path.resolve('tests/build/fixture');
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-fixture-'));
const redirects = { '/old-page/': '/new-page/' };
const published = [
  '/',
  '/new-page/',
  '/new-page/#kept-section',
  '/old-page/',
  '/old-page/#kept-section',
  '/robots.txt',
];

before(async () => {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // astro.config.mjs reads SITE_URL when it loads, as it does for a clinic's build.
  process.env.SITE_URL = CLINIC;
  await build({
    root,
    configFile: path.relative(root, path.resolve('astro.config.mjs')),
    outDir: dist,
    logLevel: 'error',
    redirects,
  });
});

after(() => fs.rmSync(dist, { recursive: true, force: true }));

test('a moved page keeps its published URL: the old URL is a redirect page to the new one', () => {
  const pages = readPages(dist);
  const old = pages.find((p) => p.url === '/old-page/');
  assert.ok(old?.redirect, '/old-page/ is a redirect page');
  assert.equal(refreshTarget(old), '/new-page/');
  const site = servedSite(pages, published, dist);
  assert.deepEqual(brokenPublishedUrls(published, site, redirects), []);
  // Without the redirect the same build loses the old URL and its section, and says so.
  assert.deepEqual(
    brokenPublishedUrls(published, site, {}).map((m) => m.split(':')[0]),
    ['/old-page/', '/old-page/#kept-section'],
  );
});

test(`a copy built with SITE_URL=${CLINIC} names that address in canonical links, robots.txt and the sitemap`, () => {
  const page = readPages(dist).find((p) => p.url === '/new-page/')!;
  const canonical = page.elements.find((el) => el.name === 'link' && el.attribs.rel === 'canonical');
  assert.equal(canonical?.attribs.href, `${CLINIC}/new-page/`);
  assert.equal(page.elements.find((el) => el.attribs.property === 'og:url')?.attribs.content, `${CLINIC}/new-page/`);
  assert.match(
    fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8'),
    new RegExp(`^Sitemap: ${CLINIC}/sitemap-index\\.xml$`, 'm'),
  );
  const sitemaps = fs
    .readdirSync(dist)
    .filter((f) => /^sitemap.*\.xml$/.test(f))
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
    .join('\n');
  const locs = [...sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).origin);
  assert.ok(locs.length > 0);
  assert.deepEqual([...new Set(locs)], [CLINIC]);
});
