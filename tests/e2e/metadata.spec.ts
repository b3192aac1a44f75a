// Sharing metadata on every page: title, description, canonical URL, Open
// Graph, Twitter card, lang, and JSON-LD that parses and fits the page.
import { test, expect, type Page } from '@playwright/test';
import { builtPages } from './site.ts';
import { builtManifest } from './manifest.ts';

const manifest = builtManifest();
const site = manifest.site;
const entryPage = /^\/(causes|treatments|faq)\/[a-z0-9-]+\/$/;

const meta = (page: Page, attr: 'name' | 'property', key: string) => page.locator(`meta[${attr}="${key}"]`).getAttribute('content');

async function jsonLd(page: Page): Promise<Record<string, any>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text));
}

for (const url of builtPages()) {
  test(`${url} has full sharing metadata and valid JSON-LD`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    const title = await page.title();
    const ogTitle = await meta(page, 'property', 'og:title');
    expect(ogTitle).toBeTruthy();
    expect([ogTitle, `${ogTitle} | Sore Calves Guide`]).toContain(title);
    const description = await meta(page, 'name', 'description');
    expect(description!.length).toBeGreaterThan(20);
    expect(await meta(page, 'property', 'og:description')).toBe(description);
    expect(await meta(page, 'name', 'twitter:description')).toBe(description);
    expect(await meta(page, 'name', 'twitter:title')).toBe(ogTitle);
    expect(await meta(page, 'name', 'twitter:card')).toBe('summary');
    expect(await meta(page, 'property', 'og:type')).toBe('website');
    expect(await meta(page, 'property', 'og:site_name')).toBe('Sore Calves Guide');
    expect(await meta(page, 'property', 'og:locale')).toBe('en_GB');

    const data = await jsonLd(page);
    for (const d of data) {
      expect(d['@context']).toBe('https://schema.org');
      expect(typeof d['@type']).toBe('string');
    }
    const ofType = (type: string) => data.filter((d) => d['@type'] === type);

    if (url === '/404.html') {
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      expect(await meta(page, 'name', 'robots')).toBe('noindex');
      return;
    }
    const canonical = new URL(url, site).href;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
    expect(await meta(page, 'property', 'og:url')).toBe(canonical);

    if (entryPage.test(url)) {
      // The description is the entry's own summary.
      await expect(page.locator('main .summary')).toHaveText(description!);
      const [medical, ...more] = ofType('MedicalWebPage');
      expect(more).toEqual([]);
      expect(medical.url).toBe(canonical);
      expect(medical.name).toBe(ogTitle);
      expect(medical.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await expect(page.locator('.review-dates time').first()).toHaveAttribute('datetime', medical.lastReviewed);
    }

    const faqs = ofType('FAQPage');
    if (url === '/faq/') {
      expect(faqs).toHaveLength(1);
      expect(faqs[0].mainEntity).toHaveLength(manifest.pages.filter((p) => entryPage.test(p.url) && p.url.startsWith('/faq/')).length);
    } else if (url.startsWith('/faq/')) {
      expect(faqs).toHaveLength(1);
      expect(faqs[0].mainEntity[0].name).toBe(await page.locator('h1').textContent());
      expect(faqs[0].mainEntity[0].acceptedAnswer.text).toBe(description);
    } else {
      expect(faqs).toEqual([]);
    }

    // BreadcrumbList exactly where there are breadcrumbs, naming the same trail.
    const crumbs = await page.locator('nav.breadcrumbs a').evaluateAll((as) =>
      as.map((a) => ({ name: a.textContent!.trim(), item: (a as HTMLAnchorElement).getAttribute('href')! })),
    );
    const lists = ofType('BreadcrumbList');
    if (crumbs.length === 0) {
      expect(lists).toEqual([]);
    } else {
      expect(lists).toHaveLength(1);
      expect(lists[0].itemListElement).toEqual(
        crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: new URL(c.item, site).href })),
      );
    }
  });
}

test('robots.txt names the sitemap by its full URL, and the sitemap lists every page in links.json', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${new URL('/sitemap-index.xml', site).href}\n`);
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const locs: string[] = [];
  for (const s of sitemaps) locs.push(...[...(await (await request.get(s)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  expect(locs.sort()).toEqual(manifest.pages.map((p) => new URL(p.url, site).href).sort());
});
