// Printing a page as a handout: within the print budgets on A4 and Letter;
// the page's own address and a QR code for it at the top of page 1; no
// navigation, search, buttons or addresses after links; the get-help notes
// stay. On screen the printed address is hidden.
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { readFileSync, statSync } from 'node:fs';
import { builtManifest } from './manifest.ts';
import { addressIsOnTop, PAPER, printedPages, readQrCode } from './print.ts';
import { contentIds } from './site.ts';

const site = builtManifest().site;
/**
 * The three longest entries of a collection, by built HTML (drawings included):
 * every entry shares one layout and one print stylesheet, so the longest are
 * the ones at risk of running over. Printing all of them takes minutes.
 */
const longest = (collection: 'causes' | 'treatments' | 'faq', budget: number) =>
  contentIds(collection)
    .map((id) => `/${collection}/${id}/`)
    .sort((a, b) => statSync(`dist${b}index.html`).size - statSync(`dist${a}index.html`).size)
    .slice(0, 3)
    .map((url): [string, number] => [url, budget]);

/** The print budgets of architecture.md; the start page on two sheets. */
const BUDGETS: [string, number][] = [['/', 2], ['/red-flags/', 3], ...longest('causes', 3), ...longest('treatments', 3), ...longest('faq', 2)];

for (const [url, budget] of BUDGETS) {
  test(`${url} prints on at most ${budget} sheets of A4 and of Letter`, async ({ page }) => {
    await page.goto(url);
    for (const format of PAPER) expect(await printedPages(page, format), format).toBeLessThanOrEqual(budget);
  });
}

for (const url of ['/', '/causes/calf-strain-or-tear/', '/treatments/ice/', '/faq/can-i-run-with-sore-calves/', '/red-flags/', '/for-clinics/']) {
  test(`${url} prints its own address and QR code on top of page 1, without screen furniture`, async ({ page }) => {
    await page.goto(url);
    const address = page.locator('.printed-address');
    await expect(address).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    const own = new URL(url, site).href;
    await expect(address).toBeVisible();
    await expect(address).toContainText(own);
    expect(await readQrCode(page)).toBe(own);
    expect(await addressIsOnTop(page)).toBe(true);

    await expect(page.locator('.site-name')).toBeVisible();
    for (const hidden of ['nav[aria-label="Main"]', '[role="search"]', '.breadcrumbs', '.site-footer nav', '.toc']) {
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    for (const el of await page.locator('button, a.section-link').all()) await expect(el).toBeHidden();
    await expect(page.locator('.site-footer .disclaimer')).toBeVisible();
  });
}

test('a pre-filled check prints its ticked signs and answer, with a QR code for that check', async ({ page }) => {
  const signs = parse(readFileSync('content/red-flags.yaml', 'utf8')) as { id: string }[];
  const ids = [signs[0]!.id, signs.at(-1)!.id];
  const check = `/red-flags/#check=${ids.join(',')}`;
  await page.goto(check);
  for (const format of PAPER) expect(await printedPages(page, format), format).toBeLessThanOrEqual(3);
  await page.emulateMedia({ media: 'print' });
  for (const id of ids) await expect(page.locator(`input[value="${id}"]`)).toBeChecked();
  await expect(page.locator('[data-triage-result]')).toBeVisible();
  await expect(page.locator('.printed-address')).toContainText(new URL(check, site).href);
  await expect.poll(() => readQrCode(page)).toBe(new URL(check, site).href);
});

test('a printed entry keeps its get-help note and prints no address after its links', async ({ page }) => {
  await page.goto('/causes/calf-strain-or-tear/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.help-note')).toBeVisible();
  await expect(page.locator('.help-note')).toContainText('When to get help');
  const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
  for (const selector of ['.help-note a[href="/red-flags/"]', '.prose a[href^="/"]', '.sources a[href^="https://"]']) {
    if (await page.locator(selector).count()) expect(await after(selector), selector).toMatch(/^(none|normal)$/);
  }
});

test('the self-care links on /red-flags/ print as words, not bare paths', async ({ page }) => {
  await page.goto('/red-flags/');
  await page.emulateMedia({ media: 'print' });
  const links = page.locator('.care-card[data-tier="self-care"] a[href^="/"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const a of await links.all()) expect(await a.evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/^(none|normal)$/);
});

test('a printout uses dark text on white even when the screen is in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/causes/too-much-too-soon/');
  const colours = () => page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(await colours()).not.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});
