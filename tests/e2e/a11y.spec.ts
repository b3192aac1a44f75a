import { test, expect } from '@playwright/test';
import axe from 'axe-core';
import { AXE_TAGS } from './axe.ts';
import fs from 'node:fs';
import { parse } from 'yaml';
import { auditedPages } from './site.ts';

// Forced colours (Windows high contrast) too: the urgency must survive it.
const SCHEMES = ['light', 'dark', 'forced'] as const;
/** A small phone and a desktop. */
const WIDTHS = [375, 1280];

// Besides every page as it loads: the checklist answered at each tier (its
// result bar showing) and the search page showing results, the states the
// pages exist for.
const flags = parse(fs.readFileSync('content/red-flags.yaml', 'utf8')) as { id: string; tier: string }[];
const firstOf = (tier: string) => flags.find((f) => f.tier === tier)!.id;
const states = ['/search/?q=calf+pain', ...['emergency', 'urgent', 'soon'].map((tier) => `/red-flags/#check=${firstOf(tier)}`)];

// One test per page, one page load and one injection of axe, then axe runs in
// each combination. (AxeBuilder would inject axe and open a helper page on
// every run, which doubles the time of this, the slowest suite.) The site has
// no iframes, so running axe in the top document covers everything.
for (const url of [...auditedPages(), ...states]) {
  test(`${url} has no accessibility violations, light, dark and forced colours, ${WIDTHS.join('px and ')}px wide`, async ({ page }) => {
    test.slow();
    await page.goto(url);
    if (url.includes('?q=')) await page.waitForLoadState('networkidle');
    await page.evaluate(axe.source);
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      for (const width of WIDTHS) {
        await page.emulateMedia(colorScheme === 'forced' ? { colorScheme: 'light', forcedColors: 'active' } : { colorScheme, forcedColors: 'none' });
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
