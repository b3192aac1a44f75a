// Budgets as the reader pays them: every page loaded cold (no HTTP cache, no
// service worker yet), every script, stylesheet and font it fetches until the
// network is idle, each gzipped (level 6, as a host would send it: the test
// server does not compress), held to architecture.md's budgets (BUDGETS).
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { auditedPages } from './site.ts';
import {
  BUDGETS,
  PAGEFIND_DIR,
  SEARCH_PAGE,
  formatBytes,
  jsBudgetFor,
  pageScripts,
  readPages,
} from '../../scripts/lib/built-site.ts';

// Besides every page as it opens: the search page running a search (Pagefind's
// files are not counted, the site's own are) and a handout with pages and signs.
const STATES = ['/search/?q=calf+pain', '/handout/#pages=/causes/calf-strain-or-tear/&check=pop-or-snap'];

// What every page loads (the layout's scripts): the search page's budget is for its own script.
const everyPage = pageScripts(readPages().find((p) => p.url === '/')!);

interface Loaded {
  url: string;
  type: 'script' | 'stylesheet' | 'font';
  gz: number;
}

/** What the page fetched, cold, until the network was idle; and whether it registered a service worker. */
async function loadCold(page: Page, url: string): Promise<{ loaded: Loaded[]; foreign: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses: Response[] = [];
  const foreign: string[] = [];
  const origin = new URL(page.url()).origin;
  page.on('response', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:')) foreign.push(r.url());
    const type = r.request().resourceType();
    if (type === 'script' || type === 'stylesheet' || type === 'font') responses.push(r);
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    const loaded = await Promise.all(
      responses.map(async (r) => ({
        url: new URL(r.url()).pathname,
        type: r.request().resourceType() as Loaded['type'],
        gz: gzipSync(await r.body(), { level: 6 }).length,
      })),
    );
    // The next page starts without one: each page is measured as a first visit.
    await page.evaluate(async () => {
      const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
      await Promise.all(registrations.map((r) => r.unregister()));
    });
    return { loaded, foreign };
  } finally {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.detach();
  }
}

const sum = (items: Loaded[]) => items.reduce((n, l) => n + l.gz, 0);
const list = (items: Loaded[]) => items.map((l) => `${l.url} ${formatBytes(l.gz)}`).join(', ') || 'nothing';

for (const url of [...auditedPages(), ...STATES]) {
  test(`${url} loads, cold, JS and CSS within its budgets and no fonts`, async ({ page }) => {
    const { loaded, foreign } = await loadCold(page, url);
    const path = new URL(url, 'http://site').pathname;
    const own = loaded.filter((l) => !l.url.startsWith(PAGEFIND_DIR));
    const js = own.filter((l) => l.type === 'script' && !(path === SEARCH_PAGE && everyPage.includes(l.url)));
    const css = own.filter((l) => l.type === 'stylesheet');
    const jsBudget = jsBudgetFor(path);
    test.info().annotations.push({
      type: 'measured',
      description: `JS ${formatBytes(sum(js))} (${list(js)}); CSS ${formatBytes(sum(css))}`,
    });
    expect(foreign, 'requests to other hosts').toEqual([]);
    expect(
      loaded.filter((l) => l.type === 'font').map((l) => l.url),
      'fonts (the guide uses system fonts)',
    ).toEqual([]);
    expect(sum(js), `JS loaded by ${url}: ${list(js)}; budget ${formatBytes(jsBudget)}`).toBeLessThanOrEqual(jsBudget);
    expect(sum(css), `CSS loaded by ${url}: ${list(css)}; budget ${formatBytes(BUDGETS.css)}`).toBeLessThanOrEqual(
      BUDGETS.css,
    );
    expect(css.length, 'the page loads its stylesheet').toBeGreaterThan(0);
  });
}
