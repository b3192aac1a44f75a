import { test, expect } from '@playwright/test';
import axe from 'axe-core';
import { AXE_TAGS } from './axe.ts';
import { auditedPages } from './site.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

// Every page at phone width; each kind of page (and each state the pages
// exist for) in every combination of light, dark and forced colours (Windows
// high contrast: the urgency must survive it) at phone and desktop width.
// Pages of a kind share their layout, components and colours.
type Scheme = 'light' | 'dark' | 'forced';
const EVERY: [Scheme, number][] = [['light', 375]];
const ALL: [Scheme, number][] = (['light', 'dark', 'forced'] as const).flatMap((s) => [375, 1280].map((w): [Scheme, number] => [s, w]));

// Besides every page as it loads: the checklist answered at each tier (its
// result bar showing) and the search page showing results.
const flags = readRedFlags();
const firstOf = (tier: string) => flags.find((f) => f.tier === tier)!.id;
const states = ['/search/?q=calf+pain', ...['emergency', 'urgent', 'soon'].map((tier) => `/red-flags/#check=${firstOf(tier)}`)];
const pages = auditedPages();
/** One page of each kind: the same layout and components as the rest of its kind. */
const kinds = new Set([
  ...['/causes/', '/treatments/', '/faq/', '/for-clinics/'].flatMap((prefix) => pages.filter((u) => u.startsWith(prefix)).slice(0, 2)),
  ...pages.filter((u) => !/^\/(causes|treatments|faq|for-clinics)\//.test(u)),
  ...states,
]);

// One test per page, one page load and one injection of axe, then axe runs in
// each combination. (AxeBuilder would inject axe and open a helper page on
// every run, which doubles the time of this suite.) The site has no iframes,
// so running axe in the top document covers everything.
for (const url of [...new Set([...pages, ...states])]) {
  const combos = kinds.has(url) ? ALL : EVERY;
  test(`${url} has no accessibility violations in ${combos.map(([s, w]) => `${s} ${w}px`).join(', ')}`, async ({ page }) => {
    if (combos === ALL) test.slow(); // six runs of axe
    await page.goto(url);
    if (url.includes('?q=')) await page.locator('[data-search-results][data-query]').waitFor({ state: 'attached' });
    await page.evaluate(axe.source);
    const found: string[] = [];
    for (const [colorScheme, width] of combos) {
      await page.emulateMedia(colorScheme === 'forced' ? { colorScheme: 'light', forcedColors: 'active' } : { colorScheme, forcedColors: 'none' });
      await page.setViewportSize({ width, height: 800 });
      const violations = await page.evaluate(async (tags) => {
        const { axe: inPage } = window as unknown as { axe: typeof axe };
        const results = await inPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }, AXE_TAGS);
      found.push(...violations.map((v) => `${colorScheme} ${width}px ${v}`));
    }
    expect(found).toEqual([]);
  });
}
