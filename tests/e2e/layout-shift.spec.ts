// Pages hold still as they load: layout shift (CLS, as Chromium reports it)
// within architecture.md's 0.02 budget, at phone and desktop width, after
// their scripts have run. The checklist is shown by a CSS media query, not by
// its script, and the handout shows what follows its parts only once they are
// in. (/search/?q= has its own test in search.spec.ts. The clinic tool pages,
// whose copy buttons and handout maker are built by script, are not held to it
// yet: see README.)
import { test, expect, leavePage } from './fixtures.ts';
import { CLS_BUDGET, watchLayoutShift } from './layout-shift.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';

const flags = readRedFlags();
const pages: [string, string?][] = [
  ['/'],
  ['/causes/calf-strain-or-tear/'],
  ['/treatments/calf-strengthening/'],
  ['/faq/'],
  ['/faq/can-i-run-with-sore-calves/'],
  ['/red-flags/', 'red-flag-checklist[data-ready]'],
  [`/red-flags/#check=${flags[0]!.id},${flags.at(-1)!.id}`, 'red-flag-checklist[data-ready]'],
  [
    `/handout/#pages=/faq/can-i-run-with-sore-calves/,/treatments/ice/&check=${flags[0]!.id}`,
    '[data-handout-parts][data-ready]',
  ],
];

for (const viewport of [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
]) {
  test(`pages shift nothing as they load (CLS within 0.02) at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const shift = await watchLayoutShift(page);
    const shifts: Record<string, number> = {};
    for (const [url, ready] of pages) {
      await leavePage(page);
      await page.goto(url);
      if (ready) await page.locator(ready).waitFor({ state: 'attached' });
      shifts[url] = await shift.cls();
    }
    await shift.stop();
    expect(Object.entries(shifts).filter(([, cls]) => cls > CLS_BUDGET)).toEqual([]);
  });
}
