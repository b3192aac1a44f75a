// The worried runner on a phone: the checklist's answer in view, the history
// in step with the ticks, a short header, contents lists, calm notes and
// tap-to-call numbers. Positions are measured (bounding boxes against the
// viewport), never timed.
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

interface TierText {
  id: string;
  prefix: string;
  heading: string;
}
const flags = readRedFlags();
const tiers = new Map((readContentYaml('red-flag-tiers.yaml') as TierText[]).map((t) => [t.id, t]));
const first = (tier: string) => flags.find((f) => f.tier === tier)!;
const TIERS = ['emergency', 'a-and-e', 'urgent', 'soon'];
const PHONES = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
];

const box = (page: Page, id: string) => page.locator(`input[name="red-flag"][value="${id}"]`);
const result = (page: Page) => page.locator('[data-triage-result]');
const bar = (page: Page) => page.locator('[data-result-bar]');
const ticked = (page: Page) =>
  page.locator('input[name="red-flag"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

async function openChecklist(page: Page, hash = '') {
  await page.goto(`/red-flags/${hash}`);
  await expect(page.locator('red-flag-checklist[data-ready]')).toBeVisible();
}

/** True when the whole element is inside the viewport. */
async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = page.viewportSize()!;
  return !!b && b.y >= 0 && b.x >= 0 && b.y + b.height <= v.height && b.x + b.width <= v.width;
}

/** The action in words is on screen: in the bar at the foot of the screen, or the result's own heading. */
async function expectActionInView(page: Page, tier: string) {
  const heading = tiers.get(tier)!.heading;
  const candidates = [bar(page).locator('[data-bar-text]'), result(page).getByRole('heading')];
  const shown: string[] = [];
  for (const c of candidates) if ((await c.isVisible()) && (await inViewport(page, c))) shown.push(await c.innerText());
  expect(shown.join(' | ').replace(/\s+/g, ' ')).toContain(heading);
}

test.describe('at 375 x 667', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  for (const tier of TIERS) {
    test(`ticking a ${tier} sign puts "${tiers.get(tier)!.heading}" on screen at once, without covering the box`, async ({
      page,
    }) => {
      await openChecklist(page);
      const f = first(tier);
      await box(page, f.id).scrollIntoViewIfNeeded();
      await box(page, f.id).check();
      await expectActionInView(page, tier);
      const label = await page.locator('label', { has: box(page, f.id) }).boundingBox();
      const barBox = await bar(page).boundingBox();
      if (barBox) expect(label!.y + label!.height).toBeLessThanOrEqual(barBox.y);
      // A sign near the result may show the result itself; otherwise the bar jumps to it.
      if (await bar(page).isVisible()) {
        await bar(page).getByRole('button', { name: 'What to do' }).click();
        await expect(result(page)).toBeFocused();
        await expect(bar(page)).toBeHidden();
      }
      expect(await inViewport(page, result(page).getByRole('heading'))).toBe(true);
    });
  }

  test('a box ticked at the foot of the screen is scrolled clear of the bar', async ({ page }) => {
    await openChecklist(page);
    const f = first('urgent');
    // Put the box on the last lines of the screen, where the bar will appear.
    await box(page, f.id).evaluate((el) => {
      const r = el.closest('label')!.getBoundingClientRect();
      scrollBy(0, r.bottom - innerHeight + 4);
    });
    await box(page, f.id).check();
    await expectActionInView(page, 'urgent');
    const label = (await page.locator('label', { has: box(page, f.id) }).boundingBox())!;
    expect(label.y + label.height).toBeLessThanOrEqual((await bar(page).boundingBox())!.y);
  });

  for (const id of ['pop-or-snap', 'breathless-or-chest-pain']) {
    test(`a pre-filled link (#check=${id}) opens with the answer itself in view, not a bar`, async ({ page }) => {
      await openChecklist(page, `#check=${id}`);
      await expectActionInView(page, flags.find((f) => f.id === id)!.tier);
      await expect(bar(page)).toBeHidden();
      expect(await inViewport(page, result(page).getByRole('heading'))).toBe(true);
    });
  }

  test('with nothing ticked, the page says none are ticked yet, shows no bar and claims nothing', async ({ page }) => {
    await openChecklist(page);
    await expect(result(page)).toContainText('No signs ticked yet');
    await expect(result(page)).toContainText('If none of these signs apply');
    await expect(bar(page)).toBeHidden();
    await expect(page.locator('main')).not.toContainText(/None of the warning signs apply\./);
  });

  test('the urgency label is visible, and every number given is a tap-to-call link', async ({ page }) => {
    await openChecklist(page, `#check=${first('emergency').id}`);
    for (const tier of TIERS) {
      const label = page.locator(`section[data-tier="${tier}"] .tier-label`).first();
      await expect(label).toHaveText(tiers.get(tier)!.prefix);
      expect((await label.boundingBox())!.width).toBeGreaterThan(20);
    }
    // NHS 111 is in the urgent card's explanation, one tap away.
    await page.locator('section[data-tier="urgent"] summary').first().click();
    for (const n of ['999', '112', '911', '111'])
      await expect(page.locator(`main a[href="tel:${n}"]:visible`).first()).toBeVisible();
    // The bar keeps the number to call for a tier whose heading gives none.
    await box(page, first('emergency').id).uncheck();
    await box(page, first('a-and-e').id).scrollIntoViewIfNeeded();
    await box(page, first('a-and-e').id).check();
    await expect(bar(page).locator('.bar-call a[href="tel:999"]:visible')).toBeVisible();
  });
});

test.describe('history and copy link', () => {
  test('Back and Forward restore ticks and address together', async ({ page }) => {
    await openChecklist(page);
    // Following a #check= link on the page adds a history entry.
    await page.evaluate(() => {
      location.hash = '#check=fever';
    });
    await expect(box(page, 'fever')).toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/\/red-flags\/$/);
    expect(await ticked(page)).toEqual([]);
    await expect(result(page)).toContainText('No signs ticked yet');
    await page.goForward();
    await expect(page).toHaveURL(/#check=fever$/);
    expect(await ticked(page)).toEqual(['fever']);

    // Ticking changes the current entry; a section link keeps the check in the address, and Back keeps the ticks.
    await box(page, 'pop-or-snap').check();
    await expect(page).toHaveURL(/#check=pop-or-snap,fever$/);
    await page.locator('a[href="#self-care"]').first().click();
    await expect(page).toHaveURL(/#check=pop-or-snap,fever$/);
    expect(await ticked(page)).toEqual(['pop-or-snap', 'fever']);
    await page.goBack();
    await expect(page).toHaveURL(/#check=pop-or-snap,fever$/);
    expect(await ticked(page)).toEqual(['pop-or-snap', 'fever']);
  });

  test('"Copy link to this check" copies the ticks, whatever the address bar shows', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openChecklist(page);
    await box(page, 'fever').check();
    await box(page, first('soon').id).check();
    await page.locator('a[href="#warning-signs"]').first().click();
    await expect(page).toHaveURL(/#check=/);
    await page.getByRole('button', { name: 'Copy link to this check' }).click();
    const ids = await ticked(page);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/red-flags/#check=${ids.join(',')}`,
    );
  });

  test('the printed address follows the check', async ({ page }) => {
    await openChecklist(page, '#check=pop-or-snap');
    await expect(page.locator('.printed-address')).toContainText('/red-flags/#check=pop-or-snap');
    await box(page, 'fever').check();
    await expect(page.locator('.printed-address')).toContainText('/red-flags/#check=pop-or-snap,fever');
  });
});

test.describe('layout on phones', () => {
  for (const viewport of PHONES) {
    test(`at ${viewport.width} x ${viewport.height} the header is at most 100 px tall and the warning-sign card starts on the first screen`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(100);
      const card = (await page.locator('a.card[href="/red-flags/"]').boundingBox())!;
      // Its title line is on screen, not just its top edge.
      expect(card.y + 40).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }
});

test.describe('ways around long pages', () => {
  test('long entries have an "On this page" list whose links all land on a section', async ({ page }) => {
    for (const url of ['/causes/calf-strain-or-tear/']) {
      await page.goto(url);
      const nav = page.getByRole('navigation', { name: 'On this page' });
      await expect(nav, url).toBeVisible();
      const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length, url).toBeGreaterThanOrEqual(3);
      for (const href of hrefs) await expect(page.locator(`[id="${href.slice(1)}"]`), `${url}${href}`).toHaveCount(1);
    }
  });

  test('a back-to-top link leads to the top of the page', async ({ page }) => {
    await page.goto('/causes/calf-strain-or-tear/');
    await page.getByRole('link', { name: 'Back to top' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Back to top' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  });

  test('heading links show on focus only and say what they do; the home page has none', async ({ page }) => {
    await page.goto('/causes/calf-strain-or-tear/');
    const link = page.locator('a.section-link[href="#sources"]');
    expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await link.focus();
    expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await expect(link).toHaveAccessibleName('Copy link to section: Sources');
    await page.goto('/');
    await expect(page.locator('a.section-link')).toHaveCount(0);
  });

  test('/faq/ lists each question once', async ({ page }) => {
    await page.goto('/faq/');
    const links = await page
      .locator('main a[href^="/faq/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(5);
    expect(new Set(links).size).toBe(links.length);
  });
});

test('a calm get-help note: two to four topic signs, each linking its pre-filled check, the emergency line and the full check', async ({
  page,
}) => {
  await page.goto('/faq/what-cadence-should-i-run-at/');
  const note = page.locator('.help-note');
  const signLinks = note.locator('a[href^="/red-flags/#check="]');
  const n = await signLinks.count();
  expect(n).toBeGreaterThanOrEqual(2);
  expect(n).toBeLessThanOrEqual(4);
  for (const a of await signLinks.all()) {
    const id = (await a.getAttribute('href'))!.split('=')[1]!;
    await expect(a).toHaveText(flags.find((f) => f.id === id)!.sign);
  }
  await expect(note).toContainText('Most calf soreness settles');
  await expect(note.locator('a[href="tel:999"]')).toBeVisible();
  await expect(note.locator('a[href="/red-flags/"]')).toBeVisible();
});
