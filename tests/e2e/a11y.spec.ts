import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { auditedPages, redFlagIds } from './site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
/** A small phone and a desktop. */
const WIDTHS = [375, 1280];

// Besides every page as it loads: the checklist with signs ticked and the
// search page showing results, the states the pages exist for.
const states = ['/search/?q=calf+pain', `/red-flags/#check=${redFlagIds().slice(0, 2).join(',')}`];

// One test per page looping over the four combinations: one page load, four axe runs.
for (const url of [...auditedPages(), ...states]) {
  test(`${url} has no accessibility violations, light and dark, ${WIDTHS.join('px and ')}px wide`, async ({ page }) => {
    test.slow(); // four axe runs
    await page.goto(url);
    if (url.includes('?q=')) await page.waitForLoadState('networkidle');
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      for (const width of WIDTHS) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
        found.push(...violations.map((v) => `${colorScheme} ${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
      }
    }
    expect(found).toEqual([]);
  });
}
