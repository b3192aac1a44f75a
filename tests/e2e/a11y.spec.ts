import { test, expect } from '@playwright/test';
import axe from 'axe-core';
import { AXE_TAGS } from './axe.ts';
import { auditedPages, redFlagIds } from './site.ts';

const SCHEMES = ['light', 'dark'] as const;
/** A small phone and a desktop. */
const WIDTHS = [375, 1280];

// Besides every page as it loads: the checklist with signs ticked and the
// search page showing results, the states the pages exist for.
const states = ['/search/?q=calf+pain', `/red-flags/#check=${redFlagIds().slice(0, 2).join(',')}`];

// One test per page, one page load and one injection of axe, then axe runs in
// each combination. (AxeBuilder would inject axe and open a helper page on
// every run, which doubles the time of this, the slowest suite.) The site has
// no iframes, so running axe in the top document covers everything.
for (const url of [...auditedPages(), ...states]) {
  test(`${url} has no accessibility violations, light and dark, ${WIDTHS.join('px and ')}px wide`, async ({ page }) => {
    test.slow();
    await page.goto(url);
    if (url.includes('?q=')) await page.waitForLoadState('networkidle');
    await page.evaluate(axe.source);
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      for (const width of WIDTHS) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        const violations = await page.evaluate(async (tags) => {
          const { axe: inPage } = window as unknown as { axe: typeof axe };
          const results = await inPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        }, AXE_TAGS);
        found.push(...violations.map((v) => `${colorScheme} ${width}px ${v}`));
      }
    }
    expect(found).toEqual([]);
  });
}
