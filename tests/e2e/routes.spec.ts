// Routes as a reader meets them in a browser. What a parser can check on
// dist/ (every route built, one h1, disclaimer, entry page parts) is in
// tests/build/pages.test.ts.
import { test, expect } from './fixtures.ts';

test('an unknown URL gets the helpful 404 page with status 404, whose search form searches', async ({ page }) => {
  const res = await page.goto('/causes/an-old-name/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('cannot find');
  const search = page.locator('main form[role="search"]');
  await expect(search).toBeVisible();
  await search.getByRole('searchbox').fill('calf strain');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=calf\+strain$/);
});

test('the header search form on a content page goes to /search/ with the query', async ({ page }) => {
  await page.goto('/causes/too-much-too-soon/');
  await page.getByLabel('Search the guide').first().fill('felt a pop');
  await page.getByLabel('Search the guide').first().press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=felt\+a\+pop$/);
});
