// The clinic pages in a browser: /links.json as served, and no accessibility
// violation after the copy buttons and "#" links are used. Which pages and
// sections links.json lists, and that each page has exactly those sections,
// is checked on dist/ in tests/build/pages.test.ts.
import { test, expect } from '@playwright/test';
import { axeViolations } from './axe.ts';

test('links.json is served as JSON', async ({ request }) => {
  const res = await request.get('/links.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  expect(Object.keys(await res.json())).toEqual(['site', 'generated', 'pages']);
});

// What each page offers to copy: the assertions below use both whenever a page has them.
const pages = [
  { url: '/for-clinics/', copyButton: true, sectionLink: true },
  { url: '/for-clinics/faq/', copyButton: true, sectionLink: false },
  { url: '/no-such-page/', copyButton: false, sectionLink: false },
];

for (const { url, copyButton, sectionLink } of pages) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${url} has no accessibility violations (${scheme})${copyButton ? ', after a copy' : ''}${sectionLink ? ', with a "#" link focused' : ''}`, async ({ page, context }) => {
      // axe on a page of several hundred links takes a few seconds on an idle machine: room for a busy one.
      test.setTimeout(60_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      const button = page.locator('button.copy-button');
      const link = page.locator('a.section-link');
      if (copyButton) {
        await button.first().click();
        await expect(button.first()).toContainText('Link copied');
      } else {
        await expect(button).toHaveCount(0);
      }
      if (sectionLink) await link.first().focus();
      else await expect(link).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
