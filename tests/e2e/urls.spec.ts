// A published URL never breaks, over HTTP: the server answers every published
// page and file, and a redirected one takes a browser to its new URL (a meta
// refresh needs a browser). The rest is checked on dist/ in tests/build/urls.test.ts.
import { test, expect } from './fixtures.ts';
import { redirectTarget } from '../../src/lib/url-stability.ts';
import { redirects } from '../../src/redirects.mjs';
import { publishedUrls } from './manifest.ts';

const publishedPaths = [...new Set(publishedUrls().map((u) => u.split('#')[0]!))];
const redirected = publishedPaths.filter((url) => redirectTarget(url, redirects) !== undefined);

test('every published page and file answers 200 over HTTP, or 301 to its new address', async ({ request }) => {
  const failed: string[] = [];
  for (const url of publishedPaths) {
    const res = await request.get(url, { maxRedirects: 0 });
    const target = redirectTarget(url, redirects);
    const got = target ? `${res.status()} ${res.headers()['location']}` : `${res.status()}`;
    const want = target ? `301 ${target}` : '200';
    if (got !== want) failed.push(`${url}: ${got}, not ${want}`);
  }
  expect(failed).toEqual([]);
});

for (const url of redirected) {
  test(`${url} takes a browser to ${redirectTarget(url, redirects)}`, async ({ page }) => {
    const target = redirectTarget(url, redirects)!;
    await page.goto(url);
    await page.waitForURL((u) => u.pathname + u.hash === target);
  });
}
