// The offline guide's rules (src/lib/offline.ts): what is cached when, cache
// names across builds, and how each request is answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cacheKey,
  cacheNames,
  CORE_PAGES,
  fallbackFor,
  formatDownload,
  isCacheable,
  isSavedCache,
  moduleImports,
  NOT_FOUND_PAGE,
  OFFLINE_PAGE,
  pageAssets,
  pagefindFiles,
  planOffline,
  progressText,
  routeFor,
  staleCaches,
  withDependencies,
  type SiteFiles,
} from '../../src/lib/offline.ts';
import { HASHED } from '../../scripts/lib/headers.mjs';

const ORIGIN = 'https://calf-guide.example';
const url = (path: string) => new URL(path, ORIGIN);

test('pages are network first, hashed files cache first, other files network first without the offline page', () => {
  assert.equal(routeFor(url('/'), ORIGIN), 'page');
  assert.equal(routeFor(url('/causes/ice/'), ORIGIN), 'page');
  assert.equal(routeFor(url('/search/?q=cramp'), ORIGIN), 'page');
  assert.equal(routeFor(url('/404.html'), ORIGIN), 'page');
  assert.equal(routeFor(url('/_astro/BaseLayout.DLSobSTc.css'), ORIGIN), 'asset');
  assert.equal(routeFor(url('/pagefind/fragment/en-gb_1a2b.pf_fragment'), ORIGIN), 'asset');
  assert.equal(routeFor(url('/pagefind/pagefind.en-gb_98b34.pf_meta'), ORIGIN), 'asset');
  assert.equal(routeFor(url('/pagefind/pagefind.js'), ORIGIN), 'file');
  assert.equal(routeFor(url('/pagefind/pagefind-entry.json?ts=123'), ORIGIN), 'file');
  assert.equal(routeFor(url('/links.json'), ORIGIN), 'file');
  assert.equal(routeFor(url('/search-words.json'), ORIGIN), 'file');
});

test('the worker leaves alone other hosts, other methods and its own script', () => {
  assert.equal(routeFor(new URL('https://www.nhs.uk/conditions/'), ORIGIN), 'none');
  assert.equal(routeFor(url('/'), ORIGIN, 'POST'), 'none');
  assert.equal(routeFor(url('/sw.js'), ORIGIN), 'none');
});

test('the worker treats as hashed exactly what the servers cache for a year (scripts/lib/headers.mjs)', () => {
  const paths = [
    '/_astro/a.B1.js',
    '/_astro/x.css',
    '/pagefind/index/en_1.pf_index',
    '/pagefind/filter/en_1.pf_filter',
    '/pagefind/fragment/en_1.pf_fragment',
    '/pagefind/p.en_1.pf_meta',
    '/pagefind/pagefind.js',
    '/pagefind/wasm.en-gb.pagefind',
    '/pagefind/pagefind-entry.json',
    '/',
    '/faq/',
    '/favicon.svg',
    '/sw.js',
    '/links.json',
  ];
  for (const p of paths) assert.equal(routeFor(url(p), ORIGIN) === 'asset', HASHED.test(p), p);
});

test('a cached file is found whatever the query: /search/?q= is the page /search/, Pagefind adds ?ts=', () => {
  assert.equal(cacheKey(url('/search/?q=cramp')), '/search/');
  assert.equal(cacheKey(url('/pagefind/pagefind-entry.json?ts=1765')), '/pagefind/pagefind-entry.json');
  assert.equal(cacheKey(url('/handout/#pages=/faq/x/')), '/handout/');
});

test('offline, only a page opened gets the offline page: a fetched page, search files and JSON get a network error', () => {
  assert.equal(fallbackFor('page', true), OFFLINE_PAGE);
  // The handout fetches pages: the offline page would be rebuilt into it as if it were the page.
  assert.equal(fallbackFor('page', false), 'error');
  assert.equal(fallbackFor('file', true), 'error');
  assert.equal(fallbackFor('file', false), 'error');
  assert.equal(fallbackFor('asset', false), 'error');
});

test('only whole same-origin answers are cached', () => {
  const ok = { ok: true, status: 200, type: 'basic', redirected: false };
  assert.equal(isCacheable(ok), true);
  assert.equal(isCacheable({ ...ok, ok: false, status: 404 }), false);
  assert.equal(isCacheable({ ...ok, status: 206 }), false);
  assert.equal(isCacheable({ ...ok, type: 'opaqueredirect', ok: false, status: 0 }), false);
  assert.equal(isCacheable({ ...ok, redirected: true }), false);
  assert.equal(isCacheable({ ...ok, type: 'opaque' }), false);
});

test('cache names carry the build version, and a new build deletes every other build of the guide, saved or not', () => {
  const v1 = cacheNames('aaa111');
  const v2 = cacheNames('bbb222');
  assert.notEqual(v1.pages, v2.pages);
  assert.notEqual(v1.saved, v2.saved);
  assert.notEqual(v1.pages, v1.saved);
  assert.ok(isSavedCache(v1.saved));
  assert.ok(!isSavedCache(v1.pages));
  const names = [v1.pages, v1.saved, v2.pages, v2.saved, 'another-site-cache'];
  assert.deepEqual(staleCaches(names, 'bbb222'), [v1.pages, v1.saved]);
  assert.deepEqual(staleCaches(names, 'aaa111'), [v2.pages, v2.saved]);
  assert.throws(() => cacheNames('Not A Version'), /lowercase letters and digits/);
});

test('a page names its scripts, stylesheets, preloads, icons and manifest; other hosts and other links are left out', () => {
  const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel=icon href=/favicon.svg><link rel="manifest" href="/manifest.webmanifest">
    <link rel="canonical" href="https://calf-guide.example/faq/"><link rel="modulepreload" href="../_astro/m.js">
    <script type="module" src="/_astro/s.js"></script><script type="application/ld+json">{}</script>
    <script src="https://cdn.example/x.js"></script><a href="/causes/">Causes</a>`;
  assert.deepEqual(pageAssets(html, '/faq/'), [
    '/_astro/a.css',
    '/favicon.svg',
    '/manifest.webmanifest',
    '/_astro/m.js',
    '/_astro/s.js',
  ]);
});

test("a script's imports are found, static and dynamic, the way Vite writes them", () => {
  const js =
    'import{t as e}from"./urls.C1.js";import"./side.js";const q=()=>import(`./qr.B2.js`);import("/_astro/abs.js");x=import(`./${name}.js`)';
  assert.deepEqual(moduleImports(js, '/_astro/page.js'), [
    '/_astro/urls.C1.js',
    '/_astro/side.js',
    '/_astro/qr.B2.js',
    '/_astro/abs.js',
  ]);
});

test("Pagefind's engine and index are saved for the index's languages", () => {
  const files = [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind-entry.json',
    '/pagefind/wasm.en-gb.pagefind',
    '/pagefind/wasm.unknown.pagefind',
    '/pagefind/p.en-gb_1.pf_meta',
    '/pagefind/index/en-gb_1.pf_index',
    '/pagefind/fragment/en-gb_2.pf_fragment',
    '/faq/',
  ];
  assert.deepEqual(pagefindFiles(files, ['en-gb']), [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind-entry.json',
    '/pagefind/wasm.en-gb.pagefind',
    '/pagefind/p.en-gb_1.pf_meta',
    '/pagefind/index/en-gb_1.pf_index',
    '/pagefind/fragment/en-gb_2.pf_fragment',
  ]);
});

/** A small built site: pages, their scripts (one with a lazy chunk), CSS, Pagefind, a page no one links. */
function site(): SiteFiles {
  const page = (...assets: string[]) =>
    assets
      .map((a) =>
        a.endsWith('.css') ? `<link rel="stylesheet" href="${a}">` : `<script type="module" src="${a}"></script>`,
      )
      .join('');
  const text: Record<string, string> = {
    '/': page('/_astro/base.css', '/_astro/base.js'),
    '/red-flags/': page('/_astro/base.css', '/_astro/base.js', '/_astro/check.js'),
    '/offline/': page('/_astro/base.css', '/_astro/base.js'),
    '/404.html': page('/_astro/base.css', '/_astro/base.js'),
    '/faq/': page('/_astro/base.css', '/_astro/base.js', '/_astro/faq.css'),
    '/search/': page('/_astro/base.css', '/_astro/base.js', '/_astro/search.js'),
    '/drafts/': page('/_astro/base.css', '/_astro/base.js'),
    '/_astro/base.js': 'document.title',
    '/_astro/check.js': 'import{a}from"./printed.js";',
    '/_astro/printed.js': 'const q=()=>import(`./qr.js`)',
    '/_astro/qr.js': 'export const qr=1',
    '/_astro/search.js': 'import("/pagefind/pagefind.js")',
    '/pagefind/pagefind.js': 'import("./not-followed.js")',
  };
  const sizes = new Map<string, number>([
    ...Object.keys(text).map((k): [string, number] => [k, 1000]),
    ['/_astro/base.css', 2000],
    ['/_astro/faq.css', 300],
    ['/favicon.svg', 100],
    ['/manifest.webmanifest', 200],
    ['/icons/icon-192.png', 400],
    ['/links.json', 500],
    ['/search-words.json', 700],
    ['/robots.txt', 50],
    ['/pagefind/pagefind-entry.json', 10],
    ['/pagefind/wasm.en-gb.pagefind', 5000],
    ['/pagefind/wasm.unknown.pagefind', 9000],
    ['/pagefind/index/en-gb_1.pf_index', 3000],
  ]);
  return { sizes, text: (p) => text[p] ?? '' };
}

test('at install: the start page, the checklist with its lazy QR chunk, the offline and 404 pages, all CSS, icons and manifest', () => {
  const { core } = planOffline(site(), ['/', '/red-flags/', '/faq/', '/search/'], ['en-gb']);
  for (const p of [
    ...CORE_PAGES,
    '/_astro/check.js',
    '/_astro/printed.js',
    '/_astro/qr.js',
    '/_astro/base.css',
    '/_astro/faq.css',
    '/favicon.svg',
    '/manifest.webmanifest',
    '/icons/icon-192.png',
  ]) {
    assert.ok(core.includes(p), `${p} is cached at install`);
  }
  assert.ok(core.includes(NOT_FOUND_PAGE));
  for (const p of ['/faq/', '/search/', '/links.json', '/pagefind/pagefind.js'])
    assert.ok(!core.includes(p), `${p} waits for a read or a save`);
});

test('a save holds every listed page with what it loads, the page list, the search words and index, and says its size', () => {
  const s = site();
  const plan = planOffline(s, ['/', '/red-flags/', '/faq/', '/search/'], ['en-gb']);
  const urls = plan.save.map((f) => f.url);
  for (const p of [
    ...plan.core,
    '/faq/',
    '/search/',
    '/_astro/search.js',
    '/links.json',
    '/search-words.json',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    '/pagefind/wasm.en-gb.pagefind',
    '/pagefind/index/en-gb_1.pf_index',
  ])
    assert.ok(urls.includes(p), `${p} is saved`);
  for (const p of ['/drafts/', '/robots.txt', '/pagefind/wasm.unknown.pagefind'])
    assert.ok(!urls.includes(p), `${p} is not saved`);
  assert.equal(new Set(urls).size, urls.length, 'each file once');
  assert.equal(
    plan.saveBytes,
    urls.reduce((sum, u) => sum + s.sizes.get(u)!, 0),
  );
});

test('a list that names a file the build did not write fails the build, naming it', () => {
  assert.throws(() => withDependencies(['/causes/gone/'], site()), /\/causes\/gone\/, which the build did not write/);
  const broken = site();
  (broken.sizes as Map<string, number>).delete('/_astro/qr.js');
  assert.throws(() => planOffline(broken, [], []), /\/_astro\/qr\.js/);
});

test('sizes are said the way a reader reads them', () => {
  assert.equal(formatDownload(661_400), '661 kB');
  assert.equal(formatDownload(1_240_000), '1.2 MB');
  assert.equal(formatDownload(300), '1 kB');
  assert.equal(progressText(120_000, 661_000), '120 kB of 661 kB');
});
