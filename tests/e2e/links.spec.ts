// /links.json and /for-clinics/: every built page is listed, every listed page
// loads, and its sections are exactly the h2/h3 ids the page has.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { parse } from 'yaml';
import { MANIFEST_COLLECTIONS, SECTION_LIST_COLLECTIONS } from '../../src/lib/manifest.ts';
import { builtPages } from './site.ts';
import { builtManifest } from './manifest.ts';

const manifest = builtManifest();

test('links.json has the shape of the URL contract and names the configured site', async ({ request }) => {
  const res = await request.get('/links.json');
  expect(res.headers()['content-type']).toContain('application/json');
  const served = await res.json();
  expect(Object.keys(served)).toEqual(['site', 'generated', 'pages']);
  const home = fs.readFileSync('dist/index.html', 'utf8').match(/<link rel="canonical" href="([^"]+)"/)![1];
  expect(served.site).toBe(home);
  expect(new Date(served.generated).toISOString()).toBe(served.generated);
  for (const p of served.pages) {
    expect(Object.keys(p), p.url).toEqual(['url', 'title', 'collection', 'anchors']);
    expect(p.title, p.url).not.toBe('');
    expect(MANIFEST_COLLECTIONS, p.url).toContain(p.collection);
    for (const a of p.anchors) expect(Object.keys(a), p.url).toEqual(['id', 'title']);
  }
});

test('every built page is in links.json, and every page in links.json is built', () => {
  const built = builtPages().filter((p) => p !== '/404.html');
  expect(manifest.pages.map((p) => p.url).sort()).toEqual(built);
});

for (const entry of manifest.pages) {
  test(`${entry.url} loads, with the title and exactly the sections links.json gives`, async ({ page }) => {
    const res = await page.goto(entry.url);
    expect(res?.status()).toBe(200);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', entry.title);
    const headings = await page.locator('h2[id], h3[id]').evaluateAll((els) =>
      els.map((h) => ({ id: h.id, title: (h.textContent ?? '').trim() })),
    );
    expect(headings).toEqual(entry.anchors);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'repeated ids').toEqual([]);
    for (const a of entry.anchors) await expect(page.locator(`a.section-link[href="#${a.id}"]`), a.id).toHaveCount(1);
  });
}

test('/for-clinics/ links to every page, and its section lists to every section, in links.json', async ({ page }) => {
  const listed = new Set<string>();
  for (const url of ['/for-clinics/', ...SECTION_LIST_COLLECTIONS.map((c) => `/for-clinics/${c}/`)]) {
    await page.goto(url);
    for (const href of await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) listed.add(href);
  }
  const wanted = manifest.pages.flatMap((p) => [p.url, ...p.anchors.map((a) => `${p.url}#${a.id}`)]);
  expect(wanted.filter((u) => !listed.has(u))).toEqual([]);
});

test('/for-clinics/ names every red flag with its sign, and its pre-filled check uses real names', async ({ page }) => {
  const flags = parse(fs.readFileSync('content/red-flags.yaml', 'utf8')) as { id: string; sign: string }[];
  await page.goto('/for-clinics/');
  const rows = await page.locator('[data-sign-list] li').evaluateAll((lis) =>
    lis.map((li) => [li.querySelector('code')!.textContent!.trim(), li.querySelector('[data-sign-text]')!.textContent!.trim()]),
  );
  expect(rows.map(([id]) => id).sort()).toEqual(flags.map((f) => f.id).sort());
  for (const f of flags) expect(rows).toContainEqual([f.id, f.sign]);
  const example = await page.locator('main a[href^="/red-flags/#check="]').first().getAttribute('href');
  const ids = example!.slice('/red-flags/#check='.length).split(',');
  expect(ids.length).toBeGreaterThan(1);
  for (const id of ids) expect(flags.map((f) => f.id)).toContain(id);
});

for (const url of ['/for-clinics/', '/for-clinics/faq/', '/no-such-page/']) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${url} has no accessibility violations (${scheme}), after a copy and with a "#" link focused`, async ({ page, context }) => {
      test.slow(); // axe over hundreds of links, each with its copy button, as in a11y.spec.ts.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      const button = page.locator('button.copy-button').first();
      if (await button.count()) {
        await button.click();
        await expect(button).toContainText('Link copied');
      }
      const sectionLink = page.locator('a.section-link').first();
      if (await sectionLink.count()) await sectionLink.focus();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the 404 page says the page moved or does not exist, and offers search and the main sections', async ({ page }) => {
  const res = await page.goto('/causes/an-old-name/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('main')).toContainText(/moved/);
  await expect(page.locator('main')).toContainText(/does not exist|typing mistake/);
  const search = page.locator('main form[role="search"]');
  await expect(search).toHaveAttribute('action', '/search/');
  await search.getByRole('searchbox').fill('calf strain');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=calf\+strain$/);
  await page.goBack();
  for (const href of ['/', '/causes/', '/treatments/', '/faq/', '/red-flags/']) {
    await expect(page.locator(`main a[href="${href}"]`).first(), href).toBeVisible();
  }
});
