// /handout/: assembled in the browser from its link, under the site's
// Content-Security-Policy; hostile parts dropped; one QR code for the
// handout's own link on top of page 1; at most 4 sheets for two pages, a
// section and two signs. And the maker on /for-clinics/ that builds the link,
// used with the keyboard only.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { triage, type Sign } from '../../src/lib/triage.ts';
import { axeViolations } from './axe.ts';
import { builtManifest } from './manifest.ts';
import { addressIsOnTop, readQrCode } from './print.ts';

const manifest = builtManifest();
const site = manifest.site;
const signs = parse(readFileSync('content/red-flags.yaml', 'utf8')) as (Sign & { sign: string })[];
const tiers = parse(readFileSync('content/red-flag-tiers.yaml', 'utf8')) as { id: string; prefix: string; heading: string }[];

const FAQ = '/faq/can-i-run-with-sore-calves/';
const TREATMENT = '/treatments/ice/';
const CAUSE = '/causes/calf-strain-or-tear/';
const SECTION = manifest.pages.find((p) => p.url === CAUSE)!.anchors.find((a) => a.id !== 'signs-this-may-be-you')!;
const SIGNS = ['pop-or-snap', 'fever'];
// What a clinic sends, as architecture.md writes it.
const LINK = `/handout/#pages=${FAQ},${TREATMENT},${CAUSE}%23${SECTION.id}&check=${SIGNS.join(',')}`;
const title = (url: string) => manifest.pages.find((p) => p.url === url)!.title;

/** Opens a handout and waits until it is put together; fails on any console error (a CSP refusal shows there). */
async function openHandout(page: Page, link: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(link);
  await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
  return errors;
}

test('a handout link shows its pages and section in order, the ticked signs and what to do', async ({ page }) => {
  const errors = await openHandout(page, LINK);
  const parts = page.locator('.handout-part');
  await expect(parts).toHaveCount(3);
  await expect(parts.locator('h2')).toHaveText([title(FAQ), title(TREATMENT), SECTION.title]);
  await expect(parts.nth(0).locator('.handout-source')).toContainText(new URL(FAQ, site).href);
  await expect(parts.nth(2).locator('.handout-source')).toContainText(`${new URL(CAUSE, site).href}#${SECTION.id}`);
  await expect(parts.nth(2).locator('.handout-source')).toContainText(title(CAUSE));
  await expect(parts.nth(0).locator('.review-dates')).toContainText('Next review due');
  // Only content: no scripts, buttons, copy links or hidden search keywords came along.
  await expect(page.locator('.handout-part :is(script, button, input, [hidden], .section-link, [id])')).toHaveCount(0);
  expect(await page.locator('.handout-part *').evaluateAll((els) => els.flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on') || n === 'style'))).toEqual([]);

  const check = page.locator('[data-handout-check]');
  await expect(check).toBeVisible();
  await expect(check.locator('li:visible')).toHaveText(SIGNS.map((id) => signs.find((s) => s.id === id)!.sign));
  const tier = triage(SIGNS, signs);
  const answer = tiers.find((t) => t.id === tier)!;
  await expect(check.locator('.care-card:visible h3')).toHaveText(`${answer.prefix} ${answer.heading}`);
  await expect(check.locator('.care-card:visible')).toHaveCount(1);

  await expect(page.locator('.handout-notice')).toContainText('General information, not a diagnosis');
  await expect(page.locator('[data-handout-date]')).toContainText(String(new Date().getFullYear()));
  await expect(page.locator('.handout-notes')).toBeVisible();
  expect(errors).toEqual([]);
});

// How many sheets it prints on: tests/e2e/print.spec.ts, with every page.
test('a printed handout has its own QR code on top of page 1, and room for notes', async ({ page }) => {
  await openHandout(page, LINK);
  await page.emulateMedia({ media: 'print' });
  const own = new URL(LINK, site).href;
  await expect(page.locator('.printed-address')).toContainText(own);
  await expect.poll(() => readQrCode(page)).toBe(own);
  expect(await addressIsOnTop(page)).toBe(true);
  await expect(page.locator('.handout-tools')).toBeHidden();
  await expect(page.locator('.handout-notes')).toBeVisible();
});

test('foreign, malformed and unknown parts are dropped, and the printed link leaves them out', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const hostile = ['https://evil.example/x/', '//evil.example/', 'javascript:alert(1)', '/causes/../faq/', '%2F%2Fevil.example%2F', `${FAQ}%23no-such-section`, '/causes/no-such-page/', `${FAQ}%23%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`];
  await openHandout(page, `/handout/#pages=${hostile.join(',')},${TREATMENT}&check=made-up,<b>,${SIGNS[0]}`);
  await expect(page.locator('.handout-part h2')).toHaveText([title(TREATMENT)]);
  await expect(page.locator('[data-handout-check] li:visible')).toHaveCount(1);
  await expect(page.locator('.printed-address')).toContainText(new URL(`/handout/#pages=${TREATMENT}&check=${SIGNS[0]}`, site).href);
  expect(requests.filter((u) => new URL(u).origin !== new URL(page.url()).origin)).toEqual([]);
});

test('a link with nothing the guide has says so and leads to the handout maker', async ({ page }) => {
  await openHandout(page, '/handout/#pages=https://evil.example/&check=nothing');
  await expect(page.locator('.handout-part')).toHaveCount(0);
  await expect(page.locator('[data-handout-status]')).toContainText('names no page');
  await expect(page.locator('[data-handout-status] a')).toHaveAttribute('href', /^\/for-clinics\//);
  await expect(page.locator('[data-handout-check]')).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the handout explains it needs JavaScript and links the guide', async ({ page }) => {
    await page.goto(LINK);
    await expect(page.getByText('needs JavaScript')).toBeVisible();
    for (const href of ['/for-clinics/', '/red-flags/', '/causes/', '/treatments/', '/faq/']) {
      await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
    }
  });
  test('the handout maker explains it needs JavaScript', async ({ page }) => {
    await page.goto('/for-clinics/');
    await expect(page.locator('[data-builder-without-js]')).toBeVisible();
    await expect(page.locator('[data-handout-builder]')).toBeHidden();
  });
});

/** Presses Tab (or Shift+Tab) until the element is focused: the way a keyboard user gets there. */
async function tabTo(page: Page, selector: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 800 }]) {
  test(`the handout maker builds the link a clinic expects, with the keyboard only (${viewport.width} px)`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize(viewport);
    await page.goto('/for-clinics/');
    await expect(page.locator('[data-handout-builder]')).toBeVisible();
    await tabTo(page, '[data-builder-filter]');

    await page.keyboard.type('run with sore');
    await tabTo(page, `input[value="${FAQ}"]`);
    await page.keyboard.press('Space');
    await tabTo(page, '[data-builder-filter]', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(title(TREATMENT));
    await tabTo(page, `input[value="${TREATMENT}"]`);
    await page.keyboard.press('Space');

    await tabTo(page, '[data-builder-filter]', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SECTION.title);
    // Found by a section's title, the page's list of parts opens by itself.
    await tabTo(page, `input[value="${CAUSE}#${SECTION.id}"]`);
    await page.keyboard.press('Space');

    for (const id of SIGNS) {
      await tabTo(page, `[data-builder-signs] input[value="${id}"]`);
      await page.keyboard.press('Space');
    }
    const expected = new URL(LINK, site).href;
    await expect(page.locator('[data-builder-link]')).toHaveValue(expected);
    await expect(page.locator('[data-builder-summary] li')).toHaveCount(4);

    await tabTo(page, '[data-builder-copy]');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-builder-copy]')).toContainText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect(page.locator('[data-builder-open]')).toHaveAttribute('href', LINK);
  });
}

test('unticking takes a part out of the link again', async ({ page }) => {
  await page.goto('/for-clinics/');
  await page.locator(`input[value="${FAQ}"]`).check();
  await page.locator(`input[value="${TREATMENT}"]`).check();
  await page.locator(`input[value="${FAQ}"]`).uncheck();
  await expect(page.locator('[data-builder-link]')).toHaveValue(new URL(`/handout/#pages=${TREATMENT}`, site).href);
  await page.locator(`input[value="${TREATMENT}"]`).uncheck();
  await expect(page.locator('[data-builder-link]')).toHaveValue('');
  await expect(page.locator('[data-builder-copy]')).toBeDisabled();
});

// The rest of /for-clinics/ is in tests/e2e/a11y.spec.ts with every page.
test('the handout maker passes axe, with a page ticked and a list of parts open', async ({ page }) => {
  await page.goto('/for-clinics/');
  await page.locator(`input[value="${FAQ}"]`).check();
  await page.locator(`li:has(input[value="${CAUSE}"]) summary`).click();
  expect(await axeViolations(page, { include: '.builder' })).toEqual([]);
});

test('a handout passes axe', async ({ page }) => {
  await openHandout(page, LINK);
  expect(await axeViolations(page)).toEqual([]);
});
