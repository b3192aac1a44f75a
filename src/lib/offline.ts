// The offline guide's rules, shared by the build (which lists dist/ and writes
// dist/sw.js), the service worker and the "Save the guide for offline" button:
// which files are cached when, the cache names, and how each request is answered.
// Pure: no DOM, no Node, no Astro.

/** The site's own "You are offline" page: what a page not saved on this device shows offline. */
export const OFFLINE_PAGE = '/offline/';
export const NOT_FOUND_PAGE = '/404.html';
/** The worker itself: never cached by itself, always fetched afresh (served with no-cache). */
export const WORKER_PATH = '/sw.js';

/** Every cache the guide makes starts with this; the build version follows. */
export const CACHE_PREFIX = 'calf-guide-';
/** Written last into the saved cache, so a half-finished save never counts as saved. */
export const SAVED_MARKER = '/.saved-guide';

/** Cached at install whatever the reader does: the start page, the checklist, the offline and 404 pages. */
export const CORE_PAGES: readonly string[] = ['/', '/red-flags/', OFFLINE_PAGE, NOT_FOUND_PAGE];
/** Files every saved guide needs besides its pages: the page list (handout builder) and the search vocabulary. */
export const SAVED_FILES: readonly string[] = ['/links.json', '/search-words.json'];

/**
 * Files whose names change with their content: Astro's assets and Pagefind's
 * fragments, indexes, filters and metadata. The same list as HASHED in
 * scripts/lib/headers.mjs (tests/unit/offline.test.ts holds them together).
 */
export const HASHED = /^\/(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/[^/]+\.pf_meta$)/;

export interface CacheNames {
  /** The start page, the checklist and what they need, and every page as it is read. */
  pages: string;
  /** The whole guide, after "Save the guide for offline"; removed by a second tap. */
  saved: string;
}

/** The caches of one build: a new build's names differ, so its worker can delete every other. */
export function cacheNames(version: string): CacheNames {
  if (!/^[a-z0-9]+$/.test(version))
    throw new Error(`The offline build version must be lowercase letters and digits, got "${version}".`);
  return { pages: `${CACHE_PREFIX}${version}`, saved: `${CACHE_PREFIX}saved-${version}` };
}

/** The guide's caches that belong to another build (to delete when this one activates). Other sites' caches are left alone. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const own = Object.values(cacheNames(version));
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && !own.includes(n));
}

/** A saved guide from any build, the current one included. */
export function isSavedCache(name: string): boolean {
  return name.startsWith(`${CACHE_PREFIX}saved-`);
}

/**
 * How the worker answers a request:
 * - `page`: HTML, network first (a reader online always gets the current advice), then the cached copy;
 *   a page opened offline that is not cached gets the offline page.
 * - `asset`: a hashed file, cache first (its content never changes under its name).
 * - `file`: anything else of the site's (JSON, Pagefind's entry files, icons): network first, then the cache,
 *   then a network error, never the offline page (search and the handout say they need a connection).
 * - `none`: not the worker's business (other hosts, other methods, the worker itself).
 */
export type Route = 'page' | 'asset' | 'file' | 'none';

export function routeFor(url: URL, origin: string, method = 'GET'): Route {
  if (method !== 'GET' || url.origin !== origin || url.pathname === WORKER_PATH) return 'none';
  if (HASHED.test(url.pathname)) return 'asset';
  return isPagePath(url.pathname) ? 'page' : 'file';
}

/** A page's path as the site serves it: "/causes/ice/", "/404.html". */
export function isPagePath(path: string): boolean {
  return path.endsWith('/') || path.endsWith('.html');
}

/**
 * The key a response is cached under: the path alone. The site is static, so a
 * query never changes a file (`/search/?q=cramp` is the page `/search/`; Pagefind
 * adds `?ts=` to its entry file).
 */
export function cacheKey(url: URL): string {
  return url.pathname;
}

/** What a request gets when the network fails and nothing is cached: the offline page for a page opened, else an error. */
export function fallbackFor(route: Route, navigation: boolean): typeof OFFLINE_PAGE | 'error' {
  return route === 'page' && navigation ? OFFLINE_PAGE : 'error';
}

/** What the page's button asks the worker (src/components/SaveOffline.astro). */
export type SaveRequest = { type: 'state' | 'save' | 'remove' };
/** What the worker answers: whether a whole guide is saved, and the progress of a save in bytes. */
export type SaveMessage =
  | { type: 'progress'; done: number; total: number; /** "120 kB of 661 kB" */ text: string }
  | { type: 'saving' }
  | { type: 'state' | 'saved' | 'removed' | 'failed'; saved: boolean };

/** Only whole, same-origin answers are kept: never an error page, a redirect or another host's reply. */
export function isCacheable(response: { ok: boolean; status: number; type: string; redirected: boolean }): boolean {
  return response.ok && response.status === 200 && response.type === 'basic' && !response.redirected;
}

// Build time: which files each list holds.

/** Same-origin scripts, stylesheets, preloads, icons and manifest a page's HTML names, as root paths. */
export function pageAssets(html: string, pagePath: string): string[] {
  const out = new Set<string>();
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attrs = tag[0];
    const attr = (name: string) =>
      new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(attrs)
        ?.slice(1)
        .find((v) => v !== undefined);
    const ref =
      tag[1]!.toLowerCase() === 'script'
        ? attr('src')
        : /\b(?:stylesheet|modulepreload|icon|manifest)\b/i.test(attr('rel') ?? '')
          ? attr('href')
          : undefined;
    const path = ref && sameOriginPath(ref, pagePath);
    if (path) out.add(path);
  }
  return [...out];
}

/** Modules a built script imports, statically or with a literal dynamic import() (Vite writes those with backticks). */
export function moduleImports(js: string, scriptPath: string): string[] {
  const out = new Set<string>();
  for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`\s$]+?\.m?js)["'`]/g)) {
    const path = sameOriginPath(m[1]!, scriptPath);
    if (path) out.add(path);
  }
  return [...out];
}

function sameOriginPath(ref: string, base: string): string | undefined {
  const url = new URL(ref, `http://site${base}`);
  return url.host === 'site' ? url.pathname : undefined;
}

/** Pagefind's files a search needs: its engine, metadata and index, for the languages the index has (its UI bundles are not published: src/integrations/pagefind.ts). */
export function pagefindFiles(files: readonly string[], languages: readonly string[]): string[] {
  return files.filter((f) => {
    if (!f.startsWith('/pagefind/')) return false;
    const wasm = /^\/pagefind\/wasm\.(.+)\.pagefind$/.exec(f);
    return !wasm || languages.includes(wasm[1]!);
  });
}

/** The built site as the planner sees it: every file's gzipped size, and a way to read a text file. */
export interface SiteFiles {
  /** Root path ("/causes/ice/" for a page, "/_astro/a.js") to gzipped bytes. */
  sizes: ReadonlyMap<string, number>;
  text(path: string): string;
}

export interface SavedFile {
  url: string;
  /** Gzipped bytes: about what the save transfers for it. */
  bytes: number;
}

export interface OfflinePlan {
  /** Cached when the worker installs. */
  core: string[];
  /** Cached by "Save the guide for offline" (the core files included, so a save stands alone). */
  save: SavedFile[];
  /** What the save downloads in all, gzipped. */
  saveBytes: number;
}

/** Each path with everything it loads: a page's scripts, styles and icons; a script's imports, lazy chunks too. */
export function withDependencies(start: readonly string[], site: SiteFiles): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    if (!site.sizes.has(path)) throw new Error(`The offline list names ${path}, which the build did not write.`);
    seen.add(path);
    if (isPagePath(path)) queue.push(...pageAssets(site.text(path), path));
    else if (/\.m?js$/.test(path) && !path.startsWith('/pagefind/'))
      queue.push(...moduleImports(site.text(path), path));
  }
  return [...seen];
}

/**
 * What the worker caches at install and what a save downloads. `pages` are the
 * guide's pages (from /links.json), `languages` Pagefind's (from pagefind-entry.json).
 */
export function planOffline(site: SiteFiles, pages: readonly string[], languages: readonly string[]): OfflinePlan {
  const all = [...site.sizes.keys()];
  const extras = all.filter((f) => /^\/(?:manifest\.webmanifest|favicon\.svg|icons\/.+\.png)$/.test(f));
  // All of the site's CSS is one small set (the budget is 8 kB for all of it): any page's style works offline.
  const css = all.filter((f) => f.startsWith('/_astro/') && f.endsWith('.css'));
  const core = withDependencies([...CORE_PAGES, ...css, ...extras], site);
  const saved = withDependencies([...core, ...pages, ...SAVED_FILES, ...pagefindFiles(all, languages)], site);
  const save = saved.map((url) => ({ url, bytes: site.sizes.get(url)! }));
  return { core, save, saveBytes: save.reduce((sum, f) => sum + f.bytes, 0) };
}

/** The progress of a save in words, e.g. "120 kB of 661 kB". */
export function progressText(done: number, total: number): string {
  return `${formatDownload(done)} of ${formatDownload(total)}`;
}

/** "1.2 MB", "840 kB": the size a reader is told before saving (1 kB = 1,000 bytes). */
export function formatDownload(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
