// The clinic pages in a browser: /links.json as served, and no accessibility
// violation after the copy buttons and "#" links are used. Which pages and
// sections links.json lists, and that each page has exactly those sections,
// is checked on dist/ in tests/build/pages.test.ts.
import { test, expect } from './fixtures.ts';
import { axeViolations } from './axe.ts';

test('links.json is served as JSON', async ({ request }) => {
  const res = await request.get('/links.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  expect(Object.keys(await res.json())).toEqual(['site', 'generated', 'pages']);
});

// Every page is checked as it loads in a11y.spec.ts; here the clinic page
// after its controls are used: a copy made, a "#" link focused.
test('/for-clinics/ has no accessibility violations after a copy, with a "#" link focused, light and dark', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/for-clinics/');
  const button = page.locator('button.copy-button').first();
  await button.click();
  await expect(button).toContainText('Link copied');
  await page.locator('a.section-link').first().focus();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { coloursOnly: true })).toEqual([]);
});
