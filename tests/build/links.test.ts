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
import { CHECKLIST_PAGE, distDir, fileForUrl, linkablePages, readPages, type BuiltPage } from '../../scripts/lib/built-site.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';
import { HANDOUT_PATH, parseHandoutHash } from '../../src/lib/handout.ts';

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

/** Every URL a page points at, with where it came from. */
function linksOf(page: BuiltPage): { where: string; href: string }[] {
  const out: { where: string; href: string }[] = [];
  const add = (where: string, href: string | undefined) => href !== undefined && out.push({ where, href: href.trim() });
  for (const el of page.elements) {
    const a = el.attribs;
    if (['a', 'area', 'link'].includes(el.name)) add(`<${el.name} href>`, a.href);
    if (['script', 'img', 'source', 'iframe', 'video', 'audio', 'track', 'embed'].includes(el.name)) add(`<${el.name} src>`, a.src);
    if (['img', 'source'].includes(el.name) && a.srcset) for (const c of a.srcset.split(',')) add(`<${el.name} srcset>`, c.trim().split(/\s+/)[0]);
    if (el.name === 'form') add('<form action>', a.action);
    if (el.name === 'video') add('<video poster>', a.poster);
    if (el.name === 'object') add('<object data>', a.data);
    if (el.name === 'meta' && ['og:url', 'og:image'].includes(a.property)) add(`<meta ${a.property}>`, a.content);
    if (el.name === 'meta' && a['http-equiv']?.toLowerCase() === 'refresh') add('<meta refresh>', a.content?.replace(/^\s*\d+\s*;?\s*(url=)?/i, ''));
  }
  return out;
}

/** Element ids (and legacy <a name>) of an HTML file, read once. */
const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const els = DomUtils.findAll(() => true, parseDocument(fs.readFileSync(file, 'utf8')).children);
    ids = new Set(els.flatMap((el) => [el.attribs.id, el.name === 'a' ? el.attribs.name : undefined].filter((x): x is string => !!x)));
    idsCache.set(file, ids);
  }
  return ids;
}

/** Why an internal URL does not resolve, or undefined when it does. */
function problemWith(url: URL): string | undefined {
  const file = fileForUrl(url.pathname);
  if (!file) return `no file for ${url.pathname}`;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (!fragment || fragment.toLowerCase() === 'top') return undefined;
  // The checklist keeps ticked signs in the hash (`#check=a,b`), not an element id.
  if (url.pathname === CHECKLIST_PAGE && fragment.startsWith('check=')) {
    const unknown = fragment.slice('check='.length).split(',').filter((id) => !redFlagIds.has(id));
    return unknown.length ? `unknown red-flag id(s) ${unknown.join(', ')} (see content/red-flags.yaml)` : undefined;
  }
  // A handout link's hash is its request: every part it names must resolve, and every sign be known.
  if (url.pathname === HANDOUT_PATH && url.hash.length > 1) {
    const request = parseHandoutHash(url.hash);
    const signs = [...request.check, ...request.watch];
    const named = /(?:^|&)pages=([^&]*)/.exec(url.hash.slice(1))?.[1]!.split(',').length ?? 0;
    const problems = [
      ...(request.named === named ? [] : [`${named - request.named} part(s) the handout would drop as malformed or repeated`]),
      ...request.parts.map((p) => problemWith(new URL(p.anchor ? `${p.path}#${p.anchor}` : p.path, url))).filter((x): x is string => !!x),
      ...signs.filter((id) => !redFlagIds.has(id)).map((id) => `unknown red-flag id ${id}`),
    ];
    return problems.length ? problems.join('; ') : undefined;
  }
  if (!file.endsWith('.html')) return `#${fragment} on a file that is not a page`;
  return idsIn(file).has(fragment) ? undefined : `no element with id "${fragment}" on ${url.pathname}`;
}

const external = new Map<string, Set<string>>();
const broken: string[] = [];
for (const page of pages) {
  for (const { where, href } of linksOf(page)) {
    if (href === '') {
      broken.push(`${page.url} ${where}: empty URL`);
      continue;
    }
    const url = new URL(href, `${origin}${page.url}`);
    if (url.origin === origin) {
      const problem = problemWith(url);
      if (problem) broken.push(`${page.url} ${where} "${href}": ${problem}`);
    } else if (['http:', 'https:'].includes(url.protocol)) {
      if (!external.has(url.href)) external.set(url.href, new Set());
      external.get(url.href)!.add(page.url);
    } else if (url.protocol === 'javascript:') {
      broken.push(`${page.url} ${where} "${href}": javascript: URLs are blocked by the CSP`);
    }
  }
}

test('every internal link and #anchor in dist/ resolves', () => {
  assert.ok(pages.length > 1, 'dist/ has pages');
  assert.deepEqual(broken, []);
});

test('external links are listed, not fetched, and use https', (t) => {
  const list = [...external].sort(([a], [b]) => a.localeCompare(b));
  t.diagnostic(`${list.length} external link(s):`);
  for (const [href, from] of list) t.diagnostic(`  ${href}  (${from.size} page${from.size === 1 ? '' : 's'}, e.g. ${[...from][0]})`);
  assert.deepEqual(list.filter(([href]) => href.startsWith('http:')).map(([href]) => href), []);
});

test('every URL in the sitemap is a built page', () => {
  const files = fs.readdirSync(distDir()).filter((f) => /^sitemap.*\.xml$/.test(f));
  assert.ok(files.length > 0, 'dist/ has a sitemap');
  const locs = files.flatMap((f) =>
    DomUtils.findAll((el) => el.name === 'loc', parseDocument(fs.readFileSync(path.join(distDir(), f), 'utf8'), { xmlMode: true }).children).map(
      (el) => DomUtils.textContent(el).trim(),
    ),
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
