// Section links and copy buttons: with JavaScript they copy the full URL and
// say so; without it "#" links are plain links to their section.
import { test, expect } from './fixtures.ts';
import type { Locator } from '@playwright/test';
import { ID_PATTERN } from '../../src/lib/urls.ts';

/** The copy script's live region (a page may have other status messages, such as the offline save's). */
const copyStatus = (page: import('@playwright/test').Page) =>
  page.getByRole('status').and(page.locator('body > p.visually-hidden'));

const PAGE = '/causes/too-much-too-soon/';
/** The label beside "#" is clipped to a 1px box until hover, focus or a copy. */
const shown = (label: Locator) => label.evaluate((el) => el.getBoundingClientRect().width > 1);

test.describe('with JavaScript', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('a section link says "Copy link" on hover, copies the full URL and says "Link copied"', async ({
    page,
    baseURL,
  }) => {
    await page.goto(PAGE);
    const link = page.locator('a.section-link[href="#what-helps"]');
    const label = link.locator('.section-link-label');
    expect(await shown(label)).toBe(false);
    await link.hover();
    expect(await shown(label)).toBe(true);
    await expect(label).toHaveText('Copy link to section');
    await expect(link).toHaveAccessibleName('Copy link to section: What helps');
    await link.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${PAGE}#what-helps`);
    await expect(label).toHaveText('Link copied');
    await page.mouse.move(0, 0);
    expect(await shown(label)).toBe(true);
    await expect(copyStatus(page)).toHaveText('Link copied');
    await expect(page).toHaveURL(`${baseURL}${PAGE}#what-helps`);
  });

  test('a section link is reached with Tab, shows its label on focus and copies with Enter', async ({
    page,
    baseURL,
  }) => {
    await page.goto(PAGE);
    // The last link of the article, just before the Sources heading, then one Tab.
    await page.locator('article.entry a').last().focus();
    await page.keyboard.press('Tab');
    const link = page.locator('a.section-link[href="#sources"]');
    await expect(link).toBeFocused();
    expect(await shown(link.locator('.section-link-label'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${PAGE}#sources`);
    await expect(copyStatus(page)).toHaveText('Link copied');
  });

  test('a copy button on /for-clinics/ copies the full URL of its page', async ({ page, baseURL }) => {
    await page.goto('/for-clinics/');
    const button = page.locator('button[data-copy="/red-flags/"]');
    await expect(button).toHaveAccessibleName('Copy link to When to get help');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/red-flags/`);
    await expect(button).toContainText('Link copied');
    await expect(copyStatus(page)).toHaveText('Link copied');
    await page.getByRole('button', { name: /^Copy link to .*#check=/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`^${baseURL}/red-flags/#check=${ID_PATTERN}(,${ID_PATTERN})+$`),
    );
  });

  // Its size is checked on dist/ against the content-page budget (tests/build/budgets.test.ts).
  test('a content page loads one external script and no inline script', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(PAGE);
    expect(scripts).toHaveLength(1);
    const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').count();
    expect(inline).toBe(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a section link is a plain link to its section, and there are no copy buttons', async ({ page, baseURL }) => {
    await page.goto(PAGE);
    const link = page.locator('a.section-link[href="#what-helps"]');
    await expect(link).toHaveAccessibleName('Link to section: What helps');
    await link.click();
    await expect(page).toHaveURL(`${baseURL}${PAGE}#what-helps`);
    await page.goto('/for-clinics/');
    await expect(page.locator('button.copy-button')).toHaveCount(0);
    await expect(page.locator('main a[href="/red-flags/"]').first()).toBeVisible();
  });
});
