// Every internal link and #anchor in dist/ resolves; external links are listed, never fetched.
//
// The HTML is parsed here rather than crawled with linkinator: linkinator
// reports each URL once with only the first page that links it (and pins
// fragment failures on the wrong page), checks fragments even of links it was
// told to skip, so it cannot treat the checklist's `#check=` state specially,
// and it needs a server. Reading dist/ directly names every (page, link) pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { CHECKLIST_PAGE, distDir, linkablePages, readPages } from '../../scripts/lib/built-site.ts';
import { LinkChecker } from '../../scripts/lib/site-gate.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

const pages = readPages();
const redFlagIds = new Set(readRedFlags().map((f) => f.id));

/** The site's own address (canonical links use it): from links.json, else the home page's canonical link. */
function siteOrigin(): string {
  const manifest = path.join(distDir(), 'links.json');
  if (fs.existsSync(manifest)) return new URL(JSON.parse(fs.readFileSync(manifest, 'utf8')).site).origin;
  const home = pages.find((p) => p.url === '/');
  const canonical = home?.elements.find((el) => el.name === 'link' && el.attribs.rel === 'canonical');
  assert.ok(canonical, 'the home page has no canonical link to learn the site address from');
  return new URL(canonical.attribs.href).origin;
}
const origin = siteOrigin();

const links = new LinkChecker(distDir(), origin, { path: CHECKLIST_PAGE, ids: redFlagIds });
const broken = pages.flatMap((page) => links.check(page));
const problemWith = (url: URL) => links.problemWith(url);
const external = links.external;

test('every internal link and #anchor in dist/ resolves', () => {
  assert.ok(pages.length > 1, 'dist/ has pages');
  assert.deepEqual(broken, []);
});

test('external links are listed, not fetched; http: ones are warned, as the content check warns', (t) => {
  const list = [...external].sort(([a], [b]) => a.localeCompare(b));
  t.diagnostic(`${list.length} external link(s):`);
  for (const [href, from] of list)
    t.diagnostic(`  ${href}  (${from.size} page${from.size === 1 ? '' : 's'}, e.g. ${[...from][0]})`);
  for (const href of links.insecure()) t.diagnostic(`warning: ${href} uses http:, not https:`);
  assert.deepEqual(
    list.filter(([href]) => !/^https?:/.test(href)),
    [],
  );
});

test('every URL in the sitemap is a built page', () => {
  const files = fs.readdirSync(distDir()).filter((f) => /^sitemap.*\.xml$/.test(f));
  assert.ok(files.length > 0, 'dist/ has a sitemap');
  const locs = files.flatMap((f) =>
    DomUtils.findAll(
      (el) => el.name === 'loc',
      parseDocument(fs.readFileSync(path.join(distDir(), f), 'utf8'), { xmlMode: true }).children,
    ).map((el) => DomUtils.textContent(el).trim()),
  );
  const wrong = locs.filter((loc) => new URL(loc).origin !== origin || problemWith(new URL(loc)) !== undefined);
  assert.deepEqual(wrong, []);
});

test('every page and anchor in /links.json resolves', (t) => {
  const manifest = linkablePages();
  if (!manifest) return t.skip('this build has no /links.json');
  const wrong = manifest.flatMap(({ url, anchors }) =>
    [url, ...anchors.map((a) => `${url}#${encodeURIComponent(a)}`)].flatMap((u) => {
      const problem = problemWith(new URL(u, origin));
      return problem ? [`${u}: ${problem}`] : [];
    }),
  );
  assert.deepEqual(wrong, []);
});
