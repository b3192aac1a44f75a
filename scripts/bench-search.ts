// Times the site's own search path in the page (/search/?bench=1 exposes it
// as window.__guideSearch) against one plain pagefind.search() on the same
// index, in the same page; and measures, on a cold load of /search/?q=, the
// bytes and requests of the first search and its layout shift (CLS).
// Run against a served build: `npm run preview` (or scripts/serve.mjs), then
//   ./node_modules/.bin/node scripts/bench-search.ts [baseUrl]
// `npm run bench` calls benchSearch() at each size of generated site.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

export interface SearchBench {
  /** Median time of the site's search path (plan, searches, merge, first page of results rendered). */
  siteMedianMs: number;
  /** Median time of one plain pagefind.search() for the same query. */
  plainMedianMs: number;
  ratio: number;
  /** Gzipped bytes of everything fetched to show the first query's results, after the page itself. */
  firstSearchBytes: number;
  requests: number;
  cls: number;
}

export const DEFAULT_QUERIES = [
  'calf pain',
  'ice or heat',
  'felt a pop',
  'gastrocnemus',
  'what muscles are in the calf',
  'dvt symptoms',
  'why do my calves hurt the day after a marathon',
  'calf strech',
  'new shoes',
  'cramp that wont stop',
];
const ROUNDS = 5;
const CHROMIUM = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A cold load of /search/?q=: what the first search fetched, and the layout shift while its results arrived. */
async function firstSearch(browser: Browser, baseUrl: string, query: string) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const fetched: Promise<number>[] = [];
  const url = `${baseUrl}/search/?q=${encodeURIComponent(query)}`;
  page.on('response', (r) => {
    if (r.url() === url || r.status() !== 200) return;
    fetched.push(
      r.body().then(
        (b) => gzipSync(b).length,
        () => 0,
      ),
    );
  });
  await page.goto(url);
  await page.waitForSelector('[data-search-results][data-query]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  const sizes = await Promise.all(fetched);
  await context.close();
  return { cls, requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** The slow phone of issue 23: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4x slower. */
export const SLOW_PHONE = { downKbps: 1600, upKbps: 750, rttMs: 150, cpuSlowdown: 4 };

/**
 * On the slow phone, cold cache: milliseconds from the start of the page's
 * navigation to the first result of /search/?q=<query> on screen, and the
 * requests made by then, in the order they started (for the waterfall).
 */
export async function slowPhoneFirstResult(
  browser: Browser,
  baseUrl: string,
  query = 'calf cramp',
): Promise<{ ms: number; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.rttMs,
    downloadThroughput: (SLOW_PHONE.downKbps * 1000) / 8,
    uploadThroughput: (SLOW_PHONE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
  // The page itself notes when the first result is on screen: a Playwright
  // selector wait would run Playwright's own script on the page's (slowed) main thread.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstResult: Promise<number> };
    w.__firstResult = new Promise((resolve) =>
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-search-results] > li')) {
          observer.disconnect();
          resolve(performance.now());
        }
      }).observe(document, { childList: true, subtree: true }),
    );
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
    // performance.now() counts from the start of the navigation.
    const ms = await Promise.race([
      page.evaluate(() => (window as unknown as { __firstResult: Promise<number> }).__firstResult),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no result within 60 s')), 60_000).unref()),
    ]);
    return { ms, requests };
  } finally {
    await context.close();
  }
}

export async function benchSearch(opts: { baseUrl: string; queries: string[] }): Promise<SearchBench> {
  const baseUrl = opts.baseUrl.replace(/\/$/, '');
  const queries = opts.queries.length > 0 ? opts.queries : DEFAULT_QUERIES;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const first = await firstSearch(browser, baseUrl, queries[0]!);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?bench=1`);
    // Each query once through both paths first, so both time a loaded engine and index.
    const times = await page.evaluate(
      async ({ qs, rounds }) => {
        const w = window as unknown as { __guideSearch(q: string): Promise<number> };
        const bundle = '/pagefind/pagefind.js';
        const pagefind = await import(bundle);
        const site: number[] = [];
        const plain: number[] = [];
        for (let round = 0; round <= rounds; round++) {
          for (const q of qs) {
            await w.__guideSearch(''); // a new query each time: the page skips an unchanged one
            let t = performance.now();
            await w.__guideSearch(q);
            if (round > 0) site.push(performance.now() - t);
            t = performance.now();
            await pagefind.search(q);
            if (round > 0) plain.push(performance.now() - t);
          }
        }
        return { site, plain };
      },
      { qs: queries, rounds: ROUNDS },
    );
    const siteMedianMs = median(times.site);
    const plainMedianMs = median(times.plain);
    return {
      siteMedianMs,
      plainMedianMs,
      ratio: plainMedianMs > 0 ? siteMedianMs / plainMedianMs : 0,
      firstSearchBytes: first.bytes,
      requests: first.requests,
      cls: first.cls,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.main) {
  const baseUrl = process.argv[2] ?? process.env.BENCH_URL ?? 'http://127.0.0.1:4321';
  if (process.argv.includes('--slow-phone')) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      for (let i = 0; i < 3; i++) console.log(JSON.stringify(await slowPhoneFirstResult(browser, baseUrl)));
    } finally {
      await browser.close();
    }
  } else {
    console.log(JSON.stringify(await benchSearch({ baseUrl, queries: DEFAULT_QUERIES }), null, 2));
  }
}
