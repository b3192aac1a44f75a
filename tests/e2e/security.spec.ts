// The site works under its Content-Security-Policy (public/_headers, served by
// scripts/serve.mjs): no violation reports, no console errors, no request to
// another host and no cookies. (JavaScript budgets are checked on dist/ in
// tests/build/budgets.test.ts, against the same budgets.)
import { test, expect, type Page } from '@playwright/test';
import { readRedFlags } from '../../scripts/lib/content-data.ts';
import { triage } from '../../src/lib/triage.ts';
import { auditedPages } from './site.ts';

interface Watch {
  problems: string[];
}

/** Records what must not happen on a page, from before its first script runs. */
async function watch(page: Page, origin: string, notFoundUrl?: string): Promise<Watch> {
  const w: Watch = { problems: [] };
  await page.exposeFunction('__reportCspViolation', (v: string) => w.problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
      report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const onConsole = (where: string) => (m: import('@playwright/test').ConsoleMessage) => {
    // The 404 page is itself a 404 response, which Chromium logs.
    if (notFoundUrl && m.location().url === notFoundUrl && /status of 404/.test(m.text())) return;
    // Playwright's own note that it blocked the offline worker (playwright.config.ts); offline.spec.ts runs it.
    if (m.text() === 'Service Worker registration blocked by Playwright') return;
    if (['error', 'warning'].includes(m.type())) w.problems.push(`${where} console ${m.type()}: ${m.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  // Recorded, not intercepted: routing every request through the test makes each load several times slower.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin)
      w.problems.push(`request to another host: ${url.href}`);
  });
  return w;
}

const STRICT_CSP = /default-src 'self'/;

test('the policy is enforced: an inline script is refused and reported', async ({ page, baseURL }) => {
  const w = await watch(page, new URL(baseURL!).origin);
  const res = await page.goto('/');
  expect(res?.headers()['content-security-policy']).toMatch(STRICT_CSP);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => w.problems.join('\n')).toContain('CSP: script-src');
});

test('a host that ignores _headers: the <meta> policy alone still refuses an injected script', async ({ page }) => {
  // The page as such a host serves it: no CSP header, and a script slipped into the HTML.
  await page.route('**/causes/', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    const html = (await response.text()).replace(
      '</body>',
      '<script>window.injectedRan = true</script><img src=x onerror="window.handlerRan = true"></body>',
    );
    await route.fulfill({ response, headers, body: html });
  });
  const res = await page.goto('/causes/');
  expect(res?.headers()['content-security-policy']).toBeUndefined();
  await expect(page.locator('h1')).toBeVisible();
  const ran = await page.evaluate(() => {
    const w = window as unknown as { injectedRan?: boolean; handlerRan?: boolean };
    return { inline: w.injectedRan ?? false, handler: w.handlerRan ?? false };
  });
  expect(ran).toEqual({ inline: false, handler: false });
});

test('every page loads under the policy: no violation, error, other host or cookie', async ({
  page,
  baseURL,
  context,
}) => {
  // One page reused for every URL: about 60 loads, each well under a second.
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const pages = auditedPages();
  const notFound = `${origin}/no-such-page/`;
  const w = await watch(page, origin, notFound);
  const failures: string[] = [];
  for (const url of [...pages, '/no-such-page/']) {
    w.problems.length = 0;
    // The search page keeps loading after `load` (Pagefind and its index): wait for that too.
    const res = await page.goto(url, { waitUntil: url.startsWith('/search/') ? 'networkidle' : 'load' });
    const headers = res?.headers() ?? {};
    if (!STRICT_CSP.test(headers['content-security-policy'] ?? ''))
      failures.push(`${url}: no Content-Security-Policy header`);
    if (headers['x-content-type-options'] !== 'nosniff') failures.push(`${url}: no X-Content-Type-Options: nosniff`);
    if (headers['set-cookie']) failures.push(`${url}: sets a cookie`);
    if (await page.evaluate(() => document.cookie)) failures.push(`${url}: document.cookie is not empty`);
    failures.push(...w.problems.map((p) => `${url}: ${p}`));
  }
  expect(await context.cookies()).toEqual([]);
  expect(failures).toEqual([]);
});

test('the checklist works under the policy with signs ticked', async ({ page, baseURL }) => {
  const w = await watch(page, new URL(baseURL!).origin);
  const signs = readRedFlags();
  // The least serious sign pre-ticked, then the most serious ticked: the result must rise to it.
  const first = signs.at(-1)!.id;
  const second = signs[0]!.id;
  await page.goto(`/red-flags/#check=${first}`);
  await expect(page.locator(`input[name="red-flag"][value="${first}"]`)).toBeChecked();
  await page.locator(`input[type=checkbox][name="red-flag"][value="${second}"]`).check();
  await expect(page.locator('[data-triage-result]')).toHaveAttribute('data-tier', triage([first, second], signs));
  expect(w.problems).toEqual([]);
});

test('search runs under the policy: Pagefind loads its WebAssembly and worker and returns results', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, new URL(baseURL!).origin);
  await page.goto('/search/?q=calf+pain', { waitUntil: 'networkidle' });
  // Whatever the page's own search UI does, Pagefind itself must work here.
  // A string, so the import runs in the page as written, not through the test's TypeScript transform.
  const found: { count: number; url?: string } = await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search('calf pain');
    const first = await search.results[0]?.data();
    return { count: search.results.length, url: first?.url };
  })()`);
  expect(found.count).toBeGreaterThan(0);
  expect(found.url).toMatch(/^\//);
  expect(w.problems).toEqual([]);
});
