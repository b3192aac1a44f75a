// The guide offline, in Chromium's offline mode: the service worker (dist/sw.js)
// after a first visit, after "Save the guide for offline", and across a new
// deploy. Each test has a fresh browser context of its own: a worker and its
// caches outlive a page, and the other specs run with workers blocked
// (playwright.config.ts). Every wait polls for a state, never for a time.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { contentType } from '../../scripts/lib/headers.mjs';
import { builtManifest } from './manifest.ts';
import { DIST } from './site.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

interface TierText {
  id: string;
  prefix: string;
  heading: string;
}
const flags = readRedFlags();
const tiers = readContentYaml('red-flag-tiers.yaml') as TierText[];
const manifest = builtManifest();
/** Installing the worker fetches two dozen files; saving, about 170: slow on a busy machine, so waits are long (they end as soon as the state is reached). */
const INSTALL = { timeout: 30_000 };

async function freshContext(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 720 },
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, serviceWorkers: 'allow' });
}

/** Opens a page online and waits until the offline worker controls it: by then it has cached the start page and the checklist. */
async function firstVisit(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), INSTALL).toBe(true);
}

/** What a request from the page gets: "answered" or "network error". */
const fetched = (page: Page, url: string) =>
  page.evaluate(
    (u) =>
      fetch(u).then(
        () => 'answered',
        () => 'network error',
      ),
    url,
  );

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

async function expectOfflinePage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(url);
  await expect(page.locator('h1')).toHaveText('You are offline');
  for (const n of ['999', '112', '911', '111'])
    await expect(page.locator(`main a[href="tel:${n}"]`).first()).toBeVisible();
  await expect(page.locator('main a[href="/red-flags/"]')).toBeVisible();
}

test('after one visit to the start page, the checklist answers offline on a phone; a page not read gives the offline page', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await freshContext(browser, baseURL!, { width: 375, height: 667 });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await firstVisit(page);
    // Registering and installing the worker breaks no rule of the Content-Security-Policy and logs no error.
    expect(problems).toEqual([]);
    await context.setOffline(true);

    const response = await page.goto('/red-flags/');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.locator('red-flag-checklist[data-ready]')).toBeVisible();
    const sign = flags.find((f) => f.tier === 'emergency')!;
    const answer = tiers.find((t) => t.id === 'emergency')!;
    await page.locator(`input[name="red-flag"][value="${sign.id}"]`).check();
    const result = page.locator('[data-triage-result]');
    await expect(result).toHaveAttribute('data-tier', 'emergency');
    await expect(result.getByRole('heading')).toHaveText(`${answer.prefix} ${answer.heading}`);
    // The page's styles came from the cache too: the checkbox is laid out, not a bare unstyled page.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/system-ui/);

    await expectOfflinePage(page, '/faq/');
    // Search and the handout ask for files, not pages: they get a network error (and say they need a connection), never the offline page.
    expect(await fetched(page, '/pagefind/pagefind-entry.json')).toBe('network error');
    expect(await fetched(page, '/links.json')).toBe('network error');
    expect(await fetched(page, '/causes/')).toBe('network error');
  } finally {
    await context.close();
  }
});

test('after "Save the guide for offline", every page, a search and a handout work offline; a second tap removes it', async ({
  browser,
  baseURL,
}) => {
  // About 75 page loads: some 20 s on an idle machine, minutes on a loaded one.
  test.setTimeout(360_000);
  const context = await freshContext(browser, baseURL!);
  try {
    const page = await context.newPage();
    await firstVisit(page);
    const box = page.locator('[data-save-offline]');
    const button = box.getByRole('button');
    const status = box.locator('.save-status');
    await expect(status).toHaveText(/Downloads about \d+ kB/);
    await expect(button).toBeEnabled(INSTALL);
    await button.click();
    await expect(status).toHaveText(/^Saved on this device/, { timeout: 120_000 });
    await expect(button).toHaveText('Remove the saved guide');
    const bar = box.locator('progress');
    const [value, max] = await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(max).toBeGreaterThan(0);
    expect(value).toBe(max);

    await context.setOffline(true);
    const wrong: string[] = [];
    for (const p of manifest.pages) {
      const response = await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      const title = await page.locator('meta[property="og:title"]').getAttribute('content');
      if (response?.status() !== 200 || title !== p.title) wrong.push(`${p.url}: ${response?.status()} "${title}"`);
    }
    expect(wrong).toEqual([]);

    await page.goto('/search/?q=cramp');
    const results = page.locator('[data-search-results][data-query="cramp"]');
    await expect(results).toBeAttached(INSTALL);
    expect(await results.locator('li').count()).toBeGreaterThan(0);

    const faq = manifest.pages.find((p) => p.url.startsWith('/faq/') && p.url !== '/faq/')!;
    await page.goto(`/handout/#pages=${faq.url}`);
    await expect(page.locator('[data-handout-parts][data-ready] .handout-part h2')).toHaveText([faq.title], INSTALL);
    // The handout maker lists the pages from the saved /links.json.
    await page.goto('/for-clinics/');
    await expect(page.locator('[data-builder-group]').first()).toBeAttached(INSTALL);

    // Pressed again, offline too: the saved copy goes, the start page and the checklist stay.
    await page.goto('/');
    await expect(button).toHaveText('Remove the saved guide', INSTALL);
    await button.click();
    await expect(status).toHaveText(/^Removed from this device/);
    await expect(button).toHaveText('Save the guide for offline');
    expect((await cacheNames(page)).filter((n) => n.includes('saved'))).toEqual([]);
    await expectOfflinePage(page, faq.url);
    expect((await page.goto('/red-flags/'))?.status()).toBe(200);
  } finally {
    await context.close();
  }
});

/** Serves a folder the way a static host would, every file revalidated: a second deploy of the site, on a port of its own. */
async function serveCopy(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    const found = file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile();
    if (!found) file = path.join(root, '404.html');
    res.writeHead(found ? 200 : 404, { 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("a new build's worker replaces the old build's cache, and its pages are the ones served, online and offline", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-offline-'));
  fs.cpSync(DIST, root, { recursive: true });
  const { origin, close } = await serveCopy(root);
  const context = await freshContext(browser, origin);
  try {
    const page = await context.newPage();
    await firstVisit(page);
    const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
    const oldVersion = /version:"([a-z0-9]+)"/.exec(sw)![1]!;
    await expect.poll(() => cacheNames(page), INSTALL).toEqual([`calf-guide-${oldVersion}`]);
    const oldHeading = (await page.locator('h1').textContent())!;

    // The next deploy: a changed start page, and so a new version in its worker.
    const newVersion = 'feedface00000001';
    const newHeading = `${oldHeading} (new build)`;
    fs.writeFileSync(path.join(root, 'sw.js'), sw.replaceAll(oldVersion, newVersion));
    const index = path.join(root, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(`>${oldHeading}<`, `>${newHeading}<`));

    // A browser checks for a new worker on navigation; update() asks the same at once.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect.poll(() => cacheNames(page), INSTALL).toEqual([`calf-guide-${newVersion}`]);
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText(newHeading);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText(newHeading);
  } finally {
    await context.close();
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
