// Writes dist/sw.js, the offline worker, as the last step of `npm run build`
// (scripts/finish-build.ts), after Pagefind has written dist/pagefind: it lists dist/ with each file's gzipped size, plans what
// is cached at install and what "Save the guide for offline" downloads
// (src/lib/offline.ts), writes the save's size into the pages that offer it,
// and bundles src/scripts/service-worker.ts with the lists and the build's
// version inlined. Hand-written rather than Workbox: see README "Offline".
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { StepLogger } from './site-gate.ts';
import { formatDownload, planOffline, WORKER_PATH, type OfflinePlan } from '../lib/offline.ts';

/** The element whose text a build sets to the save's size (src/components/SaveOffline.astro). */
const SAVE_SIZE = /(<[a-z]+ [^>]*data-save-size[^>]*>)[^<]*(<\/)/g;

/** Every file in dist/ by the root path a host serves it at ("/causes/ice/" for causes/ice/index.html). */
function listSite(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const rel = '/' + path.relative(dist, file).split(path.sep).join('/');
    if (rel === WORKER_PATH) continue;
    files.set(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel, file);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A hash of every path and its content: any change to the build gives a new version, so new caches. */
function buildVersion(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [url, file] of files) hash.update(`${url}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export interface OfflineBuild extends OfflinePlan {
  version: string;
}

/** What a built site caches at install and saves (src/lib/offline.ts), read from dist/; also used by the bench and the budget test. */
export function planBuiltSite(dist: string, files = listSite(dist)): OfflinePlan {
  const read = (url: string) => readFileSync(files.get(url)!, 'utf8');
  const sizes = new Map([...files].map(([url, file]) => [url, gzipSync(readFileSync(file)).length]));
  const pages = (JSON.parse(read('/links.json')) as { pages: { url: string }[] }).pages.map(
    (p) => new URL(p.url, 'http://site').pathname,
  );
  const entry = files.has('/pagefind/pagefind-entry.json')
    ? (JSON.parse(read('/pagefind/pagefind-entry.json')) as { languages: Record<string, { wasm?: string }> })
    : { languages: {} };
  return planOffline(
    { sizes, text: read },
    pages,
    Object.values(entry.languages).flatMap((l) => (l.wasm ? [l.wasm] : [])),
  );
}

/** Plans the offline lists for a built site, fills in the save's size, and writes dist/sw.js. */
export async function writeServiceWorker(dist: string): Promise<OfflineBuild> {
  const first = planBuiltSite(dist);
  // The size is a rounded figure, so filling it in does not change it.
  for (const [url, file] of listSite(dist)) {
    if (!url.endsWith('/')) continue;
    const html = readFileSync(file, 'utf8');
    if (html.includes('data-save-size'))
      writeFileSync(file, html.replace(SAVE_SIZE, `$1${formatDownload(first.saveBytes)}$2`));
  }
  const files = listSite(dist);
  const offline: OfflineBuild = { version: buildVersion(files), ...planBuiltSite(dist, files) };
  const worker = fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url));
  const out = await build({
    entryPoints: [worker],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    legalComments: 'none',
    define: { OFFLINE_BUILD: JSON.stringify(offline) },
  });
  writeFileSync(path.join(dist, WORKER_PATH), out.outputFiles[0]!.contents);
  return offline;
}

/** Writes the worker of a built site and says what it caches. */
export async function finishOffline(dist: string, logger: StepLogger): Promise<void> {
  // A site without the guide's page list (the test fixtures) has nothing to take offline.
  if (!existsSync(path.join(dist, 'links.json'))) return logger.info('no links.json: no service worker written');
  const { version, core, save, saveBytes } = await writeServiceWorker(dist);
  logger.info(
    `sw.js (build ${version}): ${core.length} files at install; the offline save, ${save.length} files, ${formatDownload(saveBytes)} gzipped`,
  );
}
