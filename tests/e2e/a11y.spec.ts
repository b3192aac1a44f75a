// Accessibility of every page: axe (WCAG 2.2 AA and best practices) in Chromium.
import { test, expect } from './fixtures.ts';
import { axeViolations } from './axe.ts';
import { auditedPages } from './site.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

// Every page at phone width; each kind of page (and each state the pages
// exist for) in every combination of light, dark and forced colours (Windows
// high contrast: the urgency must survive it) at phone and desktop width.
// Pages of a kind share their layout, components and colours.
type Scheme = 'light' | 'dark' | 'forced';
const EVERY: [Scheme, number][] = [['light', 375]];
const ALL: [Scheme, number][] = (['light', 'dark', 'forced'] as const).flatMap((s) =>
  [375, 1280].map((w): [Scheme, number] => [s, w]),
);

// Besides every page as it loads: the checklist answered at each tier (its
// answer in view, as a pre-filled link opens it) and the search page showing results.
const flags = readRedFlags();
const firstOf = (tier: string) => flags.find((f) => f.tier === tier)!.id;
const states = [
  '/search/?q=calf+pain',
  ...['emergency', 'a-and-e', 'urgent', 'soon'].map((tier) => `/red-flags/#check=${firstOf(tier)}`),
];
const pages = auditedPages();
/** One page of each kind: the same layout and components as the rest of its kind. */
const kinds = new Set([
  ...['/causes/', '/treatments/', '/faq/', '/for-clinics/'].flatMap((prefix) =>
    pages.filter((u) => u.startsWith(prefix)).slice(0, 2),
  ),
  ...pages.filter((u) => !/^\/(causes|treatments|faq|for-clinics)\//.test(u)),
  ...states,
]);

// One test per page and one page load; axe runs in each combination, all
// its rules in light at both widths, the colour rules in the other schemes.
for (const url of [...new Set([...pages, ...states])]) {
  const combos = kinds.has(url) ? ALL : EVERY;
  test(`${url} has no accessibility violations in ${combos.map(([s, w]) => `${s} ${w}px`).join(', ')}`, async ({
    page,
  }) => {
    await page.goto(url);
    if (url.includes('?q=')) await page.locator('[data-search-results][data-query]').waitFor({ state: 'attached' });
    if (url.includes('#check=')) await page.locator('red-flag-checklist[data-ready]').waitFor({ state: 'attached' });
    const found: string[] = [];
    for (const [colorScheme, width] of combos) {
      await page.emulateMedia(
        colorScheme === 'forced'
          ? { colorScheme: 'light', forcedColors: 'active' }
          : { colorScheme, forcedColors: 'none' },
      );
      await page.setViewportSize({ width, height: 800 });
      const violations = await axeViolations(page, { coloursOnly: colorScheme !== 'light' });
      found.push(...violations.map((v) => `${colorScheme} ${width}px ${v}`));
    }
    expect(found).toEqual([]);
  });
}
