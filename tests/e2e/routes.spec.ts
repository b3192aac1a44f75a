import { test, expect } from '@playwright/test';
import { builtPages, contentIds } from './site.ts';

const contract = ['/', '/causes/', '/treatments/', '/faq/', '/red-flags/', '/search/', '/for-clinics/'];

test('every route of the URL contract is built and loads with one h1', async ({ page }) => {
  const entries = (['causes', 'treatments', 'faq'] as const).flatMap((c) => contentIds(c).map((id) => `/${c}/${id}/`));
  const built = builtPages();
  for (const url of [...contract, ...entries]) {
    expect(built, `${url} was not built`).toContain(url);
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.locator('h1'), url).toHaveCount(1);
    await expect(page.locator('h1'), url).not.toBeEmpty();
  }
});

test('an unknown URL gets the helpful 404 page with status 404', async ({ page }) => {
  const res = await page.goto('/causes/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('cannot find');
  await expect(page.getByRole('search').last()).toBeVisible();
});

test('the header search form on a content page goes to /search/ with the query', async ({ page }) => {
  await page.goto('/causes/too-much-too-soon/');
  await page.getByLabel('Search the guide').first().fill('felt a pop');
  await page.getByLabel('Search the guide').first().press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=felt\+a\+pop$/);
});

test('every page says it is general information, not a diagnosis', async ({ page }) => {
  for (const url of builtPages()) {
    await page.goto(url);
    await expect(page.locator('footer'), url).toContainText('general information, not a diagnosis');
  }
});

test('an entry page shows summary, related entries, get-help note, sources and review dates', async ({ page }) => {
  await page.goto('/causes/too-much-too-soon/');
  await expect(page.locator('.summary')).not.toBeEmpty();
  await expect(page.locator('#what-helps')).toBeVisible();
  const helps = page.locator('section.related').first().locator('a');
  expect(await helps.count()).toBeGreaterThan(0);
  await expect(page.locator('#get-help-now')).toBeVisible();
  await expect(page.locator('.help-note a[href="/red-flags/"]')).toBeVisible();
  await expect(page.locator('#sources + * li, .sources li').first()).toBeVisible();
  await expect(page.locator('.review-dates time')).toHaveCount(2);
});

test('a treatment lists the causes it helps, generated from the references', async ({ page }) => {
  await page.goto('/treatments/gradual-progression/');
  await expect(page.locator('section.related').first().locator('a[href="/causes/too-much-too-soon/"]')).toBeVisible();
});
