// Printing a page as a handout: every page within its print budget on A4 and
// Letter, no sheet of it near empty; the page's own address and a QR code for
// it at the top of page 1; no navigation, search, buttons or addresses after
// links; the get-help notes stay. On screen the printed address is hidden.
import { test, expect } from './fixtures.ts';
import { builtManifest } from './manifest.ts';
import { addressIsOnTop, CLINIC_SHEETS, NEAR_EMPTY, PAPER, printBudget, printedSheets, readQrCode } from './print.ts';
import { builtPages } from './site.ts';
import { HANDOUT_PATH } from '../../src/lib/handout.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

const manifest = builtManifest();
const site = manifest.site;
const signs = readRedFlags();
/** A pre-filled check, as a clinic links it: the first and the last sign. */
const CHECK = `/red-flags/#check=${signs[0]!.id},${signs.at(-1)!.id}`;
const CAUSE = '/causes/calf-strain-or-tear/';
const SECTION = manifest.pages.find((p) => p.url === CAUSE)!.anchors.find((a) => a.id !== 'signs-this-may-be-you')!.id;
/** A handout as the clinic builds it: two pages, a section and two signs. */
const HANDOUT = `/handout/#pages=/faq/can-i-run-with-sore-calves/,/treatments/ice/,${CAUSE}%23${SECTION}&check=pop-or-snap,fever`;

const percent = (shares: number[]) => shares.map((s) => `${Math.round(s * 100)}%`).join(', ');

// Every page: what fits on one paper size may spill on the other, and a spill
// is a line or two on a sheet of its own. One PDF per paper size and page.
for (const url of [...builtPages(), CHECK, HANDOUT, ...CLINIC_SHEETS]) {
  const [a4, letter] = PAPER.map((format) => printBudget(url, format));
  test(`${url} prints on at most ${a4} sheets of A4 and ${letter} of Letter, none near empty`, async ({ page }) => {
    await page.goto(url);
    if (url.startsWith(HANDOUT_PATH)) await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
    for (const format of PAPER) {
      const sheets = await printedSheets(page, format);
      expect.soft(sheets.length, `${format} sheets`).toBeLessThanOrEqual(printBudget(url, format));
      // A printout on one sheet may be short; on more, each sheet is worth its paper.
      if (sheets.length > 1)
        expect
          .soft(Math.min(...sheets), `${format}: ink down each sheet: ${percent(sheets)}`)
          .toBeGreaterThanOrEqual(NEAR_EMPTY);
    }
  });
}

for (const url of [
  '/',
  '/causes/calf-strain-or-tear/',
  '/treatments/ice/',
  '/faq/can-i-run-with-sore-calves/',
  '/red-flags/',
  '/for-clinics/',
]) {
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
    // Each selector must match on the screen page, or its check would pass on nothing.
    const entry = /^\/(causes|treatments|faq)\/./.test(url);
    const furniture = [
      'nav[aria-label="Main"]',
      '[role="search"]',
      '.site-footer nav',
      ...(entry ? ['.breadcrumbs'] : []),
      ...(url === '/causes/calf-strain-or-tear/' ? ['.page-contents'] : []),
    ];
    for (const hidden of furniture) {
      expect(await page.locator(hidden).count(), `${hidden} is on the page`).toBeGreaterThan(0);
      for (const el of await page.locator(hidden).all()) await expect(el, hidden).toBeHidden();
    }
    for (const el of await page.locator('button, a.section-link').all()) await expect(el).toBeHidden();
    await expect(page.locator('.site-footer .disclaimer')).toBeVisible();
  });
}

test('a pre-filled check prints its ticked signs and answer, with a QR code for that check', async ({ page }) => {
  await page.goto(CHECK);
  await page.emulateMedia({ media: 'print' });
  for (const id of [signs[0]!.id, signs.at(-1)!.id]) await expect(page.locator(`input[value="${id}"]`)).toBeChecked();
  await expect(page.locator('[data-triage-result]')).toBeVisible();
  await expect(page.locator('.printed-address')).toContainText(new URL(CHECK, site).href);
  await expect.poll(() => readQrCode(page)).toBe(new URL(CHECK, site).href);
});

test('a safety-net handout prints its signs to watch for under their heading, with what to do', async ({ page }) => {
  expect(CLINIC_SHEETS.length).toBeGreaterThan(0);
  await page.goto(CLINIC_SHEETS[0]!);
  await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const watch = page.locator('[data-handout-watch]');
  await expect(watch.getByRole('heading', { name: 'Get help if any of these happen' })).toBeVisible();
  await expect(watch.locator('.care-card:visible .action').first()).toContainText('What to do:');
  await expect(page.locator('[data-handout-check]')).toBeHidden();
  await expect(page.locator('.printed-address')).toContainText(new URL(CLINIC_SHEETS[0]!, site).href);
});

test('a printed entry keeps its get-help note and prints no address after its links', async ({ page }) => {
  await page.goto('/causes/calf-strain-or-tear/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.help-note')).toBeVisible();
  await expect(page.locator('.help-note')).toContainText('When to get help');
  // This page has all three kinds of link: to the checklist, to other pages, to sources elsewhere.
  for (const selector of ['.help-note a[href="/red-flags/"]', '.prose a[href^="/"]', '.sources a[href^="https://"]']) {
    const link = page.locator(selector).first();
    await expect(link, selector).toBeAttached();
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content), selector).toMatch(/^(none|normal)$/);
  }
});

test('the self-care links on /red-flags/ print as words, not bare paths', async ({ page }) => {
  await page.goto('/red-flags/');
  await page.emulateMedia({ media: 'print' });
  const links = page.locator('.care-card[data-tier="self-care"] a[href^="/"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const a of await links.all())
    expect(await a.evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/^(none|normal)$/);
});

test('a printout uses dark text on white even when the screen is in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/causes/too-much-too-soon/');
  const colours = () =>
    page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(await colours()).not.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});
