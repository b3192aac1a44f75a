// Reads the built site in dist/: its pages, what each page loads, gzip sizes.
// Shared by the build gates (tests/build/) and the benchmark (scripts/bench.ts).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { LinkManifest } from '../../src/lib/manifest.ts';

export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Budgets from the architecture, in bytes gzipped (1 kB = 1,000 bytes). */
export const BUDGETS = {
  html: 7_000,
  css: 8_000,
  /** Everything a content page loads (copy-link only). */
  contentPageJs: 1_000,
  /** What the offline worker's registration adds to a content page (and to the start page, its "Save the guide for offline" button). */
  serviceWorkerJs: 500,
  /** Everything /red-flags/ loads before anything is ticked. */
  checklistPageJs: 3_000,
  /** The search page's own script: what /search/ loads besides what every page loads and Pagefind's own files (PAGEFIND_DIR). */
  searchPageJs: 4_000,
  /** The handout maker (/for-clinics/) and the handout (/handout/): tools that assemble pages in the browser. */
  toolPageJs: 6_000,
  /** "Save the guide for offline": every page, what it loads and the search index, as transferred with gzip. */
  offlineSave: 1_000_000,
} as const;

/** Pages that are not a place to link to: not in /links.json or the sitemap, no canonical link. */
export { UNLISTED_PAGES } from '../../src/lib/site-map.ts';

export const TOOL_PAGES: readonly string[] = ['/for-clinics/', '/handout/'];

export const CHECKLIST_PAGE = '/red-flags/';
/** Runs the site's own search script on Pagefind's JS API (budgeted without Pagefind's files). */
export const SEARCH_PAGE = '/search/';
/** Pagefind writes its index and UI here; its files are not the site's own. */
export const PAGEFIND_DIR = '/pagefind/';

export interface BuiltPage {
  /** Absolute path of the HTML file. */
  file: string;
  /** The URL path a static host serves it at: "/causes/ice/", "/404.html". */
  url: string;
  html: string;
  /** Every element of the page, in document order. */
  elements: Element[];
  /** An Astro redirect stub (meta refresh), not a page of the guide. */
  redirect: boolean;
}

export function distDir(root = process.cwd()): string {
  return path.resolve(root, 'dist');
}

/** The URL path a static host serves an HTML file at: "/causes/ice/", "/404.html". */
function urlOf(file: string, dist: string): string {
  const rel = '/' + path.relative(dist, file).split(path.sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/**
 * Every HTML file in dist/ (absolute paths): the one walker of the built site.
 * Pagefind's and Vite's asset folders are skipped.
 */
export function htmlFiles(dist = distDir()): string[] {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist} has no built site: run \`npm run build\` first.`);
  }
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !/^(pagefind|_astro)[/\\]/.test(path.relative(dist, file)));
}

/** Every HTML page in dist/, parsed, sorted by URL. */
export function readPages(dist = distDir()): BuiltPage[] {
  return htmlFiles(dist)
    .map((file) => {
      const html = fs.readFileSync(file, 'utf8');
      const elements = DomUtils.findAll(() => true, parseDocument(html).children);
      const redirect = elements.some(
        (el) => el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'refresh',
      );
      return { file, url: urlOf(file, dist), html, elements, redirect };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** URL paths of the built pages, redirect stubs left out, sorted; without parsing every page. */
export function builtPageUrls(dist = distDir()): string[] {
  return htmlFiles(dist)
    .filter((file) => !/<meta http-equiv="refresh"/i.test(fs.readFileSync(file, 'utf8')))
    .map((file) => urlOf(file, dist))
    .sort();
}

/** dist/links.json as built. */
export function builtManifest(dist = distDir()): LinkManifest {
  return JSON.parse(fs.readFileSync(path.join(dist, 'links.json'), 'utf8')) as LinkManifest;
}

export function gzipSize(data: string | Buffer): number {
  return gzipSync(data).length;
}

/**
 * The file a static host serves for a URL path, as scripts/serve.mjs and
 * Netlify/Cloudflare do: "/x/" is x/index.html, "/x" is the file x or x.html.
 * A folder asked for without its trailing slash is not found: the site's
 * URLs always end in "/" (trailingSlash: 'always'), so such a link is a mistake.
 */
export function fileForUrl(urlPath: string, dist = distDir()): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}.html`];
  for (const c of candidates) {
    const file = path.join(dist, c);
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Same-origin URL paths of the stylesheets a page links. */
export function pageStylesheets(page: BuiltPage): string[] {
  return page.elements
    .filter((el) => el.name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(el.attribs.rel ?? '') && el.attribs.href)
    .map((el) => new URL(el.attribs.href, `http://site${page.url}`))
    .filter((u) => u.host === 'site')
    .map((u) => u.pathname);
}

/** Module imports in built JavaScript: `import"./a.js"`, `from"./a.js"`, `import("./a.js")`. */
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"'\s]+?\.m?js)["']/g;

/**
 * Same-origin URL paths of every JS file a page loads: its <script src> and
 * modulepreload links, and the modules those import, statically or with a
 * literal dynamic import(). Files outside dist/ are ignored here (the link
 * gate reports them).
 */
export function pageScripts(page: BuiltPage, dist = distDir()): string[] {
  const seen = new Set<string>();
  const queue = page.elements
    .filter(
      (el) =>
        (el.name === 'script' && el.attribs.src) ||
        (el.name === 'link' && /modulepreload/i.test(el.attribs.rel ?? '') && el.attribs.href),
    )
    .map((el) => new URL(el.attribs.src ?? el.attribs.href, `http://site${page.url}`))
    .filter((u) => u.host === 'site')
    .map((u) => u.pathname);
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const file = fileForUrl(url, dist);
    if (!file) continue;
    seen.add(url);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = new URL(m[1], `http://site${url}`);
      if (next.host === 'site') queue.push(next.pathname);
    }
  }
  return [...seen];
}

/** Gzipped bytes of the files at these URL paths, summed. */
export function gzippedTotal(urls: string[], dist = distDir()): number {
  return urls.reduce((sum, url) => {
    const file = fileForUrl(url, dist);
    return sum + (file ? gzipSize(fs.readFileSync(file)) : 0);
  }, 0);
}

/**
 * The JS budget of a page: all the JavaScript it loads, cold, until the
 * network is idle (tests/e2e/budgets.spec.ts). A content page's includes the
 * offline worker's registration, which every page loads.
 */
export function jsBudgetFor(url: string): number {
  if (url === SEARCH_PAGE) return BUDGETS.searchPageJs;
  if (TOOL_PAGES.includes(url)) return BUDGETS.toolPageJs;
  return url === CHECKLIST_PAGE ? BUDGETS.checklistPageJs : BUDGETS.contentPageJs + BUDGETS.serviceWorkerJs;
  /** Everything /red-flags/ loads before anything is ticked. */
}

/** Every file under a folder of dist/, as URL paths. */
export function filesUnder(folder: string, dist = distDir()): string[] {
  const root = path.join(dist, folder);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => '/' + path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The site's own stylesheets: every .css file in dist/ except Pagefind's. */
export function siteStylesheets(dist = distDir()): string[] {
  return filesUnder('.', dist).filter((u) => u.endsWith('.css') && !u.startsWith(PAGEFIND_DIR));
}

/** The pages a clinic can link to, from /links.json when the build has one. */
export function linkablePages(dist = distDir()): { url: string; anchors: string[] }[] | undefined {
  const file = path.join(dist, 'links.json');
  if (!fs.existsSync(file)) return undefined;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    pages: { url: string; anchors?: { id: string }[] }[];
  };
  return manifest.pages.map((p) => ({
    url: new URL(p.url, 'http://site/').pathname,
    anchors: (p.anchors ?? []).map((a) => a.id),
  }));
}

export function formatBytes(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} kB` : `${n} B`;
}

/** What a build serves, for src/lib/url-stability.ts: its pages with the element ids on each, and the listed files that exist. */
export function servedSite(
  pages: readonly BuiltPage[],
  files: readonly string[],
  dist = distDir(),
): { paths: Set<string>; ids: Map<string, Set<string>> } {
  const real = pages.filter((p) => !p.redirect && p.url.endsWith('/'));
  return {
    paths: new Set([...real.map((p) => p.url), ...files.filter((f) => !f.endsWith('/') && fileForUrl(f, dist))]),
    ids: new Map(
      real.map((p) => [p.url, new Set(p.elements.map((el) => el.attribs.id).filter((id): id is string => !!id))]),
    ),
  };
}

/** Where a redirect stub sends the reader (its meta refresh URL), or undefined for a page. */
export function refreshTarget(page: BuiltPage): string | undefined {
  const el = page.elements.find((e) => e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'refresh');
  return el?.attribs.content?.replace(/^\s*\d+\s*;?\s*(url=)?/i, '');
}

/** Every URL the guide has ever published (tests/published-urls.json). */
export function publishedUrls(root = process.cwd()): string[] {
  return (JSON.parse(fs.readFileSync(path.join(root, 'tests/published-urls.json'), 'utf8')) as { urls: string[] }).urls;
}
