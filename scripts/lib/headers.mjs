// Reads a `_headers` file (Netlify/Cloudflare format): a path pattern line,
// then indented `Name: value` lines. Shared by the static server and the gates,
// so the tests judge the headers exactly as they are served.
import { existsSync, readFileSync } from 'node:fs';

/** @typedef {{ pattern: string, test: RegExp, headers: [string, string][] }} HeaderRule */

/** @param {string} file @returns {HeaderRule[]} */
export function readHeaderRules(file) {
  if (!existsSync(file)) return [];
  /** @type {{ pattern: string, headers: [string, string][] }[]} */
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name, value = ''] = line.trim().split(/:\s*(.*)/s);
      rules.at(-1)?.headers.push([name, value]);
    }
  }
  return rules.map((r) => ({
    ...r,
    test: new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
  }));
}

/** The headers a path gets: every matching rule applies, later rules win. @param {HeaderRule[]} rules @param {string} path */
export function headersFor(rules, path) {
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const rule of rules) if (rule.test.test(path)) for (const [k, v] of rule.headers) out.set(k.toLowerCase(), v);
  return out;
}

/**
 * Content types for every kind of file the build writes, Pagefind's included
 * (its index files are binary). The static server and the nginx
 * configuration both use this table.
 * @type {Record<string, string>}
 */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Types compressed besides text/html (nginx always compresses it): everything text-like the build writes. */
export const GZIP_TYPES = [
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/xml',
  'text/plain',
  'image/svg+xml',
];

/**
 * Pagefind's own files are gzip streams: sent as `Content-Encoding: gzip`, the
 * browser unpacks them natively and Pagefind's script skips its own (slow on
 * a phone) unpacking, which it does only when the bytes are still packed.
 */
export const PRE_GZIPPED = /^\/pagefind\/.*\.(?:pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/** The content type of a path, by its extension; unknown files are plain bytes. @param {string} path */
export function contentType(path) {
  const ext = /\.([a-z0-9_]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Caching, from the longest to the shortest. */
export const CACHE = {
  /** The name changes with the content: keep it for a year. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages, the offline worker and anything that names other files: ask the server every time (a 304 is cheap). */
  revalidate: 'no-cache',
  /** Everything else (favicon, robots.txt, sitemaps): an hour. */
  short: 'public, max-age=3600',
};

/**
 * Files whose names carry a content hash: Astro's assets and Pagefind's
 * fragments, indexes, filters and metadata. Pagefind's entry files
 * (pagefind.js, pagefind-entry.json, wasm.*.pagefind) keep their names, so
 * they are revalidated.
 */
export const HASHED = /^\/(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/[^/]+\.pf_meta$)/;

/** The Cache-Control header for a path as served (a page's path ends in / or .html). @param {string} path */
export function cacheControl(path) {
  if (HASHED.test(path)) return CACHE.immutable;
  // The offline worker and the app manifest: a new build's must reach readers at once.
  if (path === '/sw.js' || path.endsWith('.webmanifest')) return CACHE.revalidate;
  if (path.endsWith('/') || /\.(html|json)$/.test(path) || path.startsWith('/pagefind/')) return CACHE.revalidate;
  return CACHE.short;
}
