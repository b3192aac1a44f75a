// Printing a page as a handout: no navigation, search or buttons; the
// get-help notes stay; links show where they go; the page's own URL and a QR
// code for it close the printout. On screen the printed address is hidden.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, type Page } from '@playwright/test';
import { builtManifest } from './manifest.ts';

const site = builtManifest().site;
const jsQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** Reads the page's printed QR code the way a phone would: from pixels. */
async function readQrCode(page: Page): Promise<string | null> {
  // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(jsQR, 'utf8'));
  return page.evaluate(async () => {
    const svg = document.querySelector('.printed-address svg')!;
    const img = new Image();
    img.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const size = 400;
    const quiet = 40;
    const canvas = Object.assign(document.createElement('canvas'), { width: size + 2 * quiet, height: size + 2 * quiet });
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, quiet, quiet, size, size);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // @ts-expect-error jsQR is the script evaluated above.
    return (window.jsQR(data, width, height) as { data: string } | null)?.data ?? null;
  });
}

for (const url of ['/causes/calf-strain-or-tear/', '/faq/can-i-run-with-sore-calves/', '/for-clinics/']) {
  test(`${url} prints as a handout with its own URL and a QR code for it`, async ({ page }) => {
    await page.goto(url);
    const address = page.locator('.printed-address');
    await expect(address).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    const own = new URL(url, site).href;
    await expect(address).toBeVisible();
    await expect(address).toContainText(own);
    await expect(address.locator('svg')).toBeVisible();
    expect(await readQrCode(page)).toBe(own);

    await expect(page.locator('.site-name')).toBeVisible();
    for (const hidden of ['nav[aria-label="Main"]', '[role="search"]', '.breadcrumbs', '.site-footer nav']) {
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    for (const el of await page.locator('button, a.section-link').all()) await expect(el).toBeHidden();
    await expect(page.locator('.site-footer .disclaimer')).toBeVisible();
  });
}

test('a printed entry keeps its get-help note and prints where its links go, in full', async ({ page }) => {
  await page.goto('/causes/calf-strain-or-tear/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.help-note')).toBeVisible();
  await expect(page.locator('.help-note')).toContainText('When to get help');
  const after = (selector: string) =>
    page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(await after('.help-note a[href="/red-flags/"]')).toBe(`" (${new URL('/red-flags/', site).href})"`);
  const external = await page.locator('.sources a[href^="https://"]').first().getAttribute('href');
  expect(await after('.sources a[href^="https://"]')).toBe(`" (${external})"`);
});

test('a printout uses dark text on white even when the screen is in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/causes/too-much-too-soon/');
  const colours = () => page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(await colours()).not.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});
