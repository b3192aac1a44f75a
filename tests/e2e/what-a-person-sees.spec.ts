// What a person sees, on pixels: each key state at 320 x 568, 375 x 667 and
// 1280 x 800, in light, dark and forced colours, (1) matches its committed
// screenshot (tests/e2e/__screenshots__/; `npm run test:screenshots:update`
// after a change made on purpose, then look at every changed PNG), and
// (2) every visible text has WCAG AA contrast against the pixels painted
// behind it (tests/e2e/pixels.ts), and, in light and dark, axe finds no
// colour-contrast problem, `incomplete` counted as one, in the state's part of the page.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { axeContrastProblems } from './axe.ts';
import { lowContrastTexts } from './pixels.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';
import { HANDOUT_PATH, formatHandoutHash } from '../../src/lib/handout.ts';
import { checklistPath } from '../../src/lib/urls.ts';

interface State {
  name: string;
  url: string;
  /** Where axe looks: the part of the page the state is about (axe's contrast rule is slow on a whole long page). */
  region: string;
  /** Waits until the page shows the state, doing what a reader does. */
  show: (page: Page) => Promise<void>;
  /** Parts that differ from day to day (today's date), hidden from the screenshot. */
  mask?: string[];
}

/** The checklist's answer: the result and the bar that names it. */
const ANSWER = '[data-triage-result], [data-result-bar]';
const checklistReady = (page: Page) => page.locator('red-flag-checklist[data-ready]').waitFor({ state: 'attached' });

// One sign of each tier the data has, in the checklist's order: a new tier is covered when its first sign is added.
const flags = readRedFlags();
const tierSigns = [...new Set(flags.map((f) => f.tier))].map((tier) => ({
  tier,
  id: flags.find((f) => f.tier === tier)!.id,
}));
const HANDOUT_SIGN = 'pop-or-snap';
if (!flags.some((f) => f.id === HANDOUT_SIGN))
  throw new Error(`the handout state ticks "${HANDOUT_SIGN}", which is not in content/red-flags.yaml`);

const STATES: State[] = [
  { name: 'header', url: '/', region: '.site-header', show: async () => {} },
  { name: 'nothing-ticked', url: '/red-flags/', region: ANSWER, show: checklistReady },
  ...tierSigns.map(({ tier, id }): State => ({
    name: `ticked-${tier}`,
    url: '/red-flags/',
    region: ANSWER,
    show: async (page) => {
      await checklistReady(page);
      await page.locator(`input[name="red-flag"][value="${id}"]`).check();
      await page.locator(`[data-triage-result][data-tier="${tier}"]`).waitFor({ state: 'attached' });
    },
  })),
  ...tierSigns.map(({ tier, id }): State => ({
    name: `link-${tier}`,
    url: checklistPath([id]),
    region: ANSWER,
    show: async (page) => {
      await checklistReady(page);
      await page.locator(`[data-triage-result][data-tier="${tier}"]`).waitFor({ state: 'attached' });
    },
  })),
  {
    name: 'search-warning-card',
    url: '/search/?q=pop+in+my+calf',
    region: '.search-form, [data-search-status], [data-search-signs]',
    show: (page) => page.locator('[data-search-results][data-query]').waitFor({ state: 'attached' }),
  },
  {
    name: 'handout-with-signs',
    url:
      HANDOUT_PATH +
      formatHandoutHash({ parts: [{ path: '/causes/calf-strain-or-tear/' }], check: [HANDOUT_SIGN], watch: [] }),
    region: '.handout-check',
    show: (page) => page.locator('[data-handout-parts][data-ready]').waitFor({ state: 'attached' }),
    mask: ['[data-handout-date]'],
  },
  {
    name: 'get-help-note',
    url: '/causes/calf-strain-or-tear/',
    region: '.help-note',
    show: (page) =>
      page.locator('.help-note').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' })),
  },
];

const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];
const SCHEMES = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  forced: { colorScheme: 'light', forcedColors: 'active' },
} as const;

for (const state of STATES) {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`${state.name} at ${size}: light, dark and forced colours match their screenshots, every text legible on its pixels`, async ({
      page,
    }) => {
      // Three colour schemes' screenshots, pixel reads and axe runs: three tests' work in one page load.
      test.slow();
      // Each viewport loads the state afresh: where the answer lands depends on the width.
      await page.setViewportSize(viewport);
      await page.goto(state.url);
      await state.show(page);
      const problems: string[] = [];
      for (const [scheme, media] of Object.entries(SCHEMES)) {
        await page.emulateMedia(media);
        const mask = (state.mask ?? []).map((s) => page.locator(s));
        await expect
          .soft(page, `${scheme}: the screenshot`)
          .toHaveScreenshot(`${state.name}-${size}-${scheme}.png`, { mask });
        const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
        problems.push(...(await lowContrastTexts(page, png)).map((p) => `${scheme}: ${p}`));
        // Not in forced colours: there axe reports legible system-coloured buttons as 1:1 (seen on /red-flags/); the pixels decide.
        if (scheme !== 'forced')
          problems.push(...(await axeContrastProblems(page, state.region)).map((p) => `${scheme}: ${p}`));
      }
      expect(problems, `${state.name} at ${size}: texts a person cannot read`).toEqual([]);
    });
  }
}
