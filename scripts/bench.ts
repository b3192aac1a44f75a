// npm run bench: how big and how fast the built site is, and how the build
// scales. Prints a table and writes it to bench/results.md. Speed is measured
// here, never asserted in tests: timings depend on the machine.
//
// Everything runs in a temporary copy of the project (node_modules linked),
// so dist/ and content/ here are never touched and generated entries are never
// committed. Options: BENCH_QUERIES (query rounds, default 3), BENCH_SCALE
// ("2000,10000": extra generated FAQ entries per scaling build; "" skips
// scaling), BENCH_SCALE_ONLY=1 skips sizes, search and Lighthouse (just the
// scaling builds), BENCH_STARLIGHT=1 builds the same content and generated
// pages with Starlight beside each scaling build (scripts/bench-starlight.ts),
// BENCH_KEEP=1 keeps the temporary copies. Builds run under
// `nice -n 10` so a shared machine stays usable.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from './lib/free-port.ts';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { runLighthouse } from './bench-lighthouse.ts';
import { writeGeneratedFaqs, type GeneratedCorpus } from './lib/generated-pages.ts';
import { benchSearch, SLOW_PHONE, slowPhoneFirstResult } from './bench-search.ts';
import { evalSearch, reportTable } from './search-eval.ts';
import { LOCALE } from '../src/site.ts';
import { STARLIGHT_VERSION, starlightProject, writeStarlightDocs } from './bench-starlight.ts';
import {
  CHECKLIST_PAGE,
  PAGEFIND_DIR,
  SEARCH_PAGE,
  filesUnder,
  formatBytes,
  gzipSize,
  gzippedTotal,
  pageScripts,
  pageStylesheets,
  readPages,
  siteStylesheets,
} from './lib/built-site.ts';
import { planBuiltSite } from '../src/integrations/service-worker.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUERY_ROUNDS = Number(process.env.BENCH_QUERIES ?? 3);
const SCALE = (process.env.BENCH_SCALE ?? '2000,10000').split(',').filter(Boolean).map(Number);
const SCALE_ONLY = !!process.env.BENCH_SCALE_ONLY;
const STARLIGHT = !!process.env.BENCH_STARLIGHT;
const CHROMIUM = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : chromium.executablePath();
/** Typical reader questions, a mix of one word, phrases and symptoms. */
const QUERIES = [
  'calf pain',
  'cramp',
  'foam roller',
  'ice or heat',
  'blood clot',
  'stretch before running',
  'shoes',
  'felt a pop',
  'how long to heal',
  'mileage',
  'swollen calf',
  'massage',
];

const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};
const table = (head: string[], rows: (string | number)[][]) => {
  out(`| ${head.join(' | ')} |`);
  out(`| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const r of rows) out(`| ${r.join(' | ')} |`);
  out();
};
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const log = (msg: string) => console.error(`[bench] ${msg}`);

export interface BuildCost {
  /** Wall-clock seconds. */
  wall: number;
  /** User + system CPU seconds of the build and its children. */
  cpu: number;
  /** Peak resident memory of the largest process of the build, bytes. */
  peak: number;
  /** Peak resident memory of the whole process tree (Astro, then the steps after it with Pagefind's indexer), sampled, bytes. */
  treePeak: number;
}

/** Resident memory of `pid` and all its descendants, from /proc, bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The fields after the command name (which may hold spaces): state, ppid, ...
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let bytes = 0;
  for (const queue = [pid]; queue.length;) {
    const p = queue.pop()!;
    try {
      bytes += Number(fs.readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // Ended.
    }
    queue.push(...(children.get(p) ?? []));
  }
  return bytes;
}

/**
 * A clean build (no dist/, no caches) of the copy under GNU time, which
 * reports the CPU time of the build's process tree and the peak RSS of its
 * largest process. Ours runs package.json's `build` script as `npm run build`
 * would (its steps after Astro included; npm's own process left out);
 * Starlight's project is built with `astro build`, which indexes in-process.
 * Node runs with its default heap: no --max-old-space-size.
 */
async function build(dir: string, site: string): Promise<BuildCost> {
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, '.astro'), { recursive: true, force: true });
  const timeFile = path.join(dir, '.build-time.txt');
  const script = (
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  ).scripts?.build;
  const command = script ? ['sh', '-c', script] : [process.execPath, astroBin(dir), 'build'];
  const args = ['-n', '10', '/usr/bin/time', '-v', '-o', timeFile, ...command];
  // As npm runs a script: the project's node_modules/.bin, then this Node, first on the PATH.
  const PATH = [path.join(dir, 'node_modules/.bin'), path.dirname(process.execPath), process.env.PATH].join(
    path.delimiter,
  );
  const start = performance.now();
  let treePeak = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('nice', args, {
      cwd: dir,
      env: { ...process.env, PATH, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: site, NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const sampler = setInterval(() => (treePeak = Math.max(treePeak, treeRss(child.pid!))), 250);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve();
      else reject(new Error(`the build failed (${code}):\n${stderr}`));
    });
  });
  const wall = (performance.now() - start) / 1000;
  const report = fs.readFileSync(timeFile, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}[^:]*:\\s*([\\d.]+)`).exec(report)?.[1] ?? NaN);
  return {
    wall,
    cpu: field('User time') + field('System time'),
    peak: field('Maximum resident set size') * 1024,
    treePeak,
  };
}

/** The Astro command a project at `dir` runs: from its node_modules, or a parent folder's, as Node resolves it. */
function astroBin(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    const bin = path.join(d, 'node_modules/astro/bin/astro.mjs');
    if (fs.existsSync(bin)) return bin;
    if (d === path.dirname(d)) throw new Error(`no node_modules/astro above ${dir}`);
  }
}

/** The project without its build output, caches and git data, with node_modules linked. */
function copyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-bench-'));
  const skip = new Set(['node_modules', 'dist', '.astro', '.git', 'bench', 'test-results', 'playwright-report']);
  for (const name of fs.readdirSync(ROOT)) {
    if (!skip.has(name)) fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

function serve(dir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dir, 'scripts/serve.mjs'), '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

function dirBytes(
  dir: string,
  folder: string,
  keep: (url: string) => boolean = () => true,
): { files: number; bytes: number } {
  const files = filesUnder(folder, path.join(dir, 'dist')).filter(keep);
  return { files: files.length, bytes: files.reduce((s, u) => s + fs.statSync(path.join(dir, 'dist', u)).size, 0) };
}

/** Pagefind's output: its search engine (JS and WebAssembly) and the index data (its UI bundles are not published). */
const pagefindPart = (u: string): 'engine' | 'index' =>
  /\/(pagefind|pagefind-worker)\.js$|\/wasm\.[^/]+\.pagefind$/.test(u) ? 'engine' : 'index';

/**
 * Bytes a page fetches, as sent by scripts/serve.mjs (which does not compress)
 * and as a host that gzips text would send them (Pagefind's index files are
 * already compressed and gain nothing).
 */
function trackBytes(page: Page) {
  const totals = { files: [] as string[], raw: 0, gzip: 0, pagefindRaw: 0, pagefindGzip: 0 };
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const body = (await (await req.response())?.body().catch(() => undefined)) ?? Buffer.alloc(0);
        const { responseHeadersSize } = await req.sizes();
        const raw = body.length + responseHeadersSize;
        const gzip = Math.min(body.length, gzipSize(body)) + responseHeadersSize;
        const pathname = new URL(req.url()).pathname;
        totals.files.push(pathname);
        totals.raw += raw;
        totals.gzip += gzip;
        if (pathname.startsWith(PAGEFIND_DIR)) {
          totals.pagefindRaw += raw;
          totals.pagefindGzip += gzip;
        }
      })(),
    );
  });
  return { totals, settled: async () => void (await Promise.all(pending)) };
}

async function measureSearch(browser: Browser, origin: string) {
  // 1. The search page as a reader opens it from the header form, cold cache.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const ui = trackBytes(page);
  await page.goto(`${origin}${SEARCH_PAGE}?q=${encodeURIComponent(QUERIES[0])}`, { waitUntil: 'networkidle' });
  await ui.settled();

  // 2. Pagefind alone: one query and its first five results, then query latency.
  const ctx2 = await browser.newContext();
  const p2 = await ctx2.newPage();
  await p2.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const engine = trackBytes(p2);
  // Strings, so the code runs in the page as written.
  await p2.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    window.timedSearch = async (q) => {
      const t = performance.now();
      const search = await pagefind.search(q);
      await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      return [performance.now() - t, search.results.length];
    };
  })()`);
  const [first, results]: [number, number] = await p2.evaluate(`window.timedSearch(${JSON.stringify(QUERIES[0])})`);
  await p2.waitForLoadState('networkidle');
  await engine.settled();
  const query = { ...engine.totals, files: [...engine.totals.files] };
  const runs: number[] = await p2.evaluate(`(async () => {
    const runs = [];
    for (let round = 0; round < ${QUERY_ROUNDS}; round++)
      for (const q of ${JSON.stringify(QUERIES.slice(1))}) runs.push((await window.timedSearch(q))[0]);
    return runs;
  })()`);
  await ctx.close();
  await ctx2.close();
  return { ui: ui.totals, query, first, results, runs };
}

async function main() {
  const started = new Date();
  const dir = copyProject();
  log(`working copy: ${dir}`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  try {
    log('build');
    const base = await build(dir, origin);
    const buildMs = base.wall * 1000;
    const dist = path.join(dir, 'dist');
    const pages = readPages(dist);

    out(`# Benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    out();
    out(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; Node ${process.version}. Sizes are gzip (level 6), 1 kB = 1,000 bytes.`,
    );
    out();
    out('## Build');
    out();
    const [pagefindIndex, pagefindEngine] = (['index', 'engine'] as const).map((part) =>
      dirBytes(dir, 'pagefind', (u) => pagefindPart(u) === part),
    );
    table(
      ['what', 'value'],
      [
        ['clean build (npm run build: Astro, then the gate, Pagefind and the worker), wall clock', ms(buildMs)],
        ['clean build, CPU (user + system) / peak memory', `${base.cpu.toFixed(1)} s / ${gb(base.peak)}`],
        ['pages built (HTML files)', pages.length],
        [
          'Pagefind index (meta, word index, fragments, filters; stored compressed): files / bytes on disk',
          `${pagefindIndex.files} / ${formatBytes(pagefindIndex.bytes)}`,
        ],
        ['Pagefind engine (pagefind.js, worker, WebAssembly): bytes on disk', formatBytes(pagefindEngine.bytes)],
        ['dist/ total on disk', formatBytes(dirBytes(dir, '.').bytes)],
      ],
    );

    if (!SCALE_ONLY) await siteReport(dir, dist, pages, origin, port);
    if (SCALE.length) await scaling(dir, dist, origin, base, pages.length, pagefindIndex.bytes);
  } finally {
    if (process.env.BENCH_KEEP) log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }

  const file = path.join(ROOT, 'bench', 'results.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), file) || file}`);
}

/** Page sizes, what a search costs, Lighthouse. */
async function siteReport(
  dir: string,
  dist: string,
  pages: ReturnType<typeof readPages>,
  origin: string,
  port: number,
) {
  let server: ChildProcess | undefined;
  try {
    out('## Sizes per page (gzip)');
    out();
    const rows = pages.map((p) => {
      const css = pageStylesheets(p);
      const js = pageScripts(p, dist);
      return { url: p.url, html: gzipSize(p.html), css: gzippedTotal(css, dist), js: gzippedTotal(js, dist) };
    });
    table(
      ['page', 'HTML', 'CSS', 'JS'],
      rows.map((r) => [r.url, formatBytes(r.html), formatBytes(r.css), formatBytes(r.js)]),
    );
    const siteCss = gzippedTotal(siteStylesheets(dist), dist);
    const allJs = filesUnder('_astro', dist).filter((u) => u.endsWith('.js'));
    const biggest = [...rows].sort((a, b) => b.html - a.html)[0];
    table(
      ['total', 'gzip'],
      [
        [`HTML, all ${rows.length} pages`, formatBytes(rows.reduce((s, r) => s + r.html, 0))],
        [`HTML, largest page (${biggest.url})`, formatBytes(biggest.html)],
        ["CSS, the site's own (budget 8 kB)", formatBytes(siteCss)],
        [`JS, the site's own (${allJs.length} files in /_astro/)`, formatBytes(gzippedTotal(allJs, dist))],
        [
          `JS, largest content page`,
          formatBytes(
            Math.max(0, ...rows.filter((r) => r.url !== CHECKLIST_PAGE && r.url !== SEARCH_PAGE).map((r) => r.js)),
          ),
        ],
        [`JS, ${CHECKLIST_PAGE}`, formatBytes(rows.find((r) => r.url === CHECKLIST_PAGE)?.js ?? 0)],
        ...((offline) => [
          [
            `the offline save: every page, its files and the search (${offline.save.length} files; budget 1 MB)`,
            formatBytes(offline.saveBytes),
          ],
        ])(planBuiltSite(dist)),
      ],
    );

    log('search');
    server = await serve(dir, port);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    let search;
    const slow: number[] = [];
    try {
      search = await measureSearch(browser, origin);
      for (let i = 0; i < 3; i++) slow.push((await slowPhoneFirstResult(browser, origin, 'calf cramp')).ms);
    } finally {
      await browser.close();
    }
    out('## Search (Chromium, local server, cold cache)');
    out();
    out('Bytes as a host that gzips text would send them; in brackets as the local server sent them.');
    out();
    table(
      ['what', 'value'],
      [
        [
          `${SEARCH_PAGE}?q=${QUERIES[0]}, everything the page fetched (${search.ui.files.length} requests)`,
          `${formatBytes(search.ui.gzip)} (${formatBytes(search.ui.raw)} uncompressed)`,
        ],
        [
          `  of which from ${PAGEFIND_DIR} (engine, index, results)`,
          `${formatBytes(search.ui.pagefindGzip)} (${formatBytes(search.ui.pagefindRaw)})`,
        ],
        [
          `Pagefind API alone, query "${QUERIES[0]}" (${search.results} results, first 5 loaded), ${search.query.files.length} requests`,
          `${formatBytes(search.query.gzip)} (${formatBytes(search.query.raw)})`,
        ],
        ['first query latency (loads the engine, WebAssembly and index)', ms(search.first)],
        [
          `median query latency, 5 results loaded, N = ${search.runs.length} (${QUERIES.length - 1} queries × ${QUERY_ROUNDS})`,
          ms(median(search.runs)),
        ],
        ['90th percentile', ms(percentile(search.runs, 90))],
        [
          `first result of ${SEARCH_PAGE}?q=calf+cramp on a slow phone (${SLOW_PHONE.downKbps / 1000} Mbps, ${SLOW_PHONE.rttMs} ms RTT, CPU ${SLOW_PHONE.cpuSlowdown}x slower; text gzipped, as the local server and the nginx file send it), from navigation start, median of 3 (target 2.5 s)`,
          ms(median(slow)),
        ],
      ],
    );

    // The blind query sets' held-back parts: aggregates only (tests/search-eval/README.md).
    for (const set of ['held-out-4', 'held-out-5', 'held-out-3', 'held-out-2', 'held-out'] as const) {
      log(`search evaluation (${set})`);
      out(`## Search quality (tests/search-eval/${set}.json, held back)`);
      out();
      out(reportTable(await evalSearch({ set, baseUrl: origin, dist })));
      out();
    }

    out('## Lighthouse (mobile, simulated throttling: the Lighthouse default)');
    out();
    const samples = [
      '/',
      pages.find((p) => p.url.startsWith('/causes/') && p.url !== '/causes/')?.url,
      pages.find((p) => p.url.startsWith('/faq/') && p.url !== '/faq/')?.url,
      CHECKLIST_PAGE,
      SEARCH_PAGE,
    ].filter((u): u is string => !!u);
    table(
      ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'audits that cost points'],
      await runLighthouse(origin, samples, CHROMIUM, log),
    );
    server.kill();
    server = undefined;
  } finally {
    server?.kill();
  }
}

/** What the README reported before issue 15, to print beside the new figures. */
const BEFORE =
  '500 / 2,000 extra FAQ pages: 11.4 / 13.8 s wall per 1,000 pages (README); +2,000: 3.1 GB peak; +10,000: ran out of the default heap, 14.7 GB peak with --max-old-space-size=14336, 404 s, 50 s CPU per 1,000 pages (issue 15)';

/** Seconds of `key` per 1,000 pages beyond the +0 build of the same site. */
const perThousand = (key: 'wall' | 'cpu', cost: BuildCost, pages: number, base: BuildCost, basePages: number) =>
  ((cost[key] - base[key]) / (pages - basePages)) * 1000;

/** The cost of one scaling build, and per 1,000 pages beyond the +0 build of the same site. */
function costRow(cost: BuildCost, pages: number, base: BuildCost, basePages: number) {
  const per1000 = (key: 'wall' | 'cpu') =>
    pages === basePages ? '' : s1(perThousand(key, cost, pages, base, basePages));
  return [pages, s1(cost.wall), s1(cost.cpu), per1000('wall'), per1000('cpu'), gb(cost.peak), gb(cost.treePeak)];
}
const COST_HEAD = [
  'pages',
  'wall',
  'CPU',
  'wall per 1,000 extra pages',
  'CPU per 1,000 extra pages',
  'peak memory, largest process (RSS)',
  'peak memory, process tree (RSS, sampled)',
];
const htmlCount = (dist: string) => filesUnder('.', dist).filter((u) => u.endsWith('.html')).length;

/**
 * Clean builds with generated FAQ entries added (scripts/lib/generated-pages.ts),
 * and search timings at each size.
 * With BENCH_STARLIGHT=1, the same content and generated pages built with
 * Starlight (scripts/bench-starlight.ts) right after each of ours.
 */
async function scaling(
  dir: string,
  dist: string,
  origin: string,
  base: BuildCost,
  basePages: number,
  baseIndex: number,
) {
  const rows: (string | number)[][] = [
    ['+0 (the guide)', '', ...costRow(base, basePages, base, basePages), formatBytes(baseIndex)],
  ];
  const searchRows: (string | number)[][] = [];
  searchRows.push(['+0', await searchAt(dir, origin)]);
  const starlight = STARLIGHT ? starlightProject(log) : undefined;
  const starlightRows: (string | number)[][] = [];
  const ratios: string[] = [];
  let starlightBase: { cost: BuildCost; pages: number } | undefined;
  /** Builds the Starlight copy of the guide's content as it is now (with any generated entries). */
  const buildStarlight = async (extra: number) => {
    const pages = writeStarlightDocs(starlight!, path.join(dir, 'content'));
    log(`Starlight build with ${extra} extra entries (${pages} docs)`);
    const cost = await build(starlight!, origin);
    const built = htmlCount(path.join(starlight!, 'dist'));
    starlightBase ??= { cost, pages: built };
    starlightRows.push([`+${extra}`, ...costRow(cost, built, starlightBase.cost, starlightBase.pages)]);
    return { cost, built };
  };
  try {
    if (starlight) await buildStarlight(0);
    for (const extra of SCALE) {
      const corpus: GeneratedCorpus = writeGeneratedFaqs(dir, extra);
      log(`build with ${extra} extra entries (${corpus.words} words, ${corpus.distinctWordsUsed} distinct)`);
      const cost = await build(dir, origin);
      const n = htmlCount(dist);
      rows.push([
        `+${extra}`,
        `${corpus.distinctWordsUsed.toLocaleString(LOCALE)} / ${corpus.words.toLocaleString(LOCALE)}`,
        ...costRow(cost, n, base, basePages),
        formatBytes(dirBytes(dir, 'pagefind', (u) => pagefindPart(u) === 'index').bytes),
      ]);
      searchRows.push([`+${extra}`, await searchAt(dir, origin)]);
      if (starlight) {
        const theirs = await buildStarlight(extra);
        const ratio =
          perThousand('cpu', cost, n, base, basePages) /
          perThousand('cpu', theirs.cost, theirs.built, starlightBase!.cost, starlightBase!.pages);
        ratios.push(
          `+${extra}: CPU per 1,000 extra pages ${ratio.toFixed(2)}× Starlight's, peak memory (process tree) ${(cost.treePeak / theirs.cost.treePeak).toFixed(2)}× Starlight's`,
        );
      }
    }
  } finally {
    writeGeneratedFaqs(dir, 0);
    if (starlight && !process.env.BENCH_KEEP) fs.rmSync(starlight, { recursive: true, force: true });
    else if (starlight) log(`kept ${starlight}`);
  }
  out('## Build scaling (extra generated FAQ entries, clean builds, `nice -n 10`, default Node heap)');
  out();
  out(`Before: ${BEFORE}.`);
  out();
  table(['extra entries', 'distinct words / words generated', ...COST_HEAD, 'Pagefind index on disk'], rows);
  if (searchRows.length) table(['extra entries', 'search (scripts/bench-search.ts)'], searchRows);
  if (starlight) {
    out(`### Starlight ${STARLIGHT_VERSION}, the same bodies and generated entries (scripts/bench-starlight.ts)`);
    out();
    table(['extra entries', ...COST_HEAD], starlightRows);
    for (const r of ratios) out(`- ${r}`);
    out();
  }
}

// ---- Search at scale: scripts/bench-search.ts, at +0 and at every -------
// BENCH_SCALE size, with the site served from the copy's dist/.
async function searchAt(dir: string, origin: string): Promise<string> {
  const server = await serve(dir, Number(new URL(origin).port));
  try {
    const result = await benchSearch({ baseUrl: origin, queries: QUERIES });
    return typeof result === 'string' ? result : JSON.stringify(result);
  } finally {
    server.kill();
  }
}

const s1 = (seconds: number) => `${seconds.toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

await main();
