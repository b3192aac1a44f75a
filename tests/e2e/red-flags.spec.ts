import fs from 'node:fs';
import { test, expect, leavePage } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { parse } from 'yaml';

// The expectations come from the same data the page is built from.
interface Flag { id: string; sign: string; tier: string; why: string }
interface TierText { id: string; prefix: string; heading: string; action: string; caution?: string }
const flags = parse(fs.readFileSync('content/red-flags.yaml', 'utf8')) as Flag[];
const tiers = new Map((parse(fs.readFileSync('content/red-flag-tiers.yaml', 'utf8')) as TierText[]).map((t) => [t.id, t]));
const tierOrder = ['emergency', 'urgent', 'soon', 'self-care'];
const first = (tier: string) => flags.find((f) => f.tier === tier)!;
// The checklist shows the signs by group (content/red-flag-groups.yaml), in that order.
const groupOrder = (parse(fs.readFileSync('content/red-flag-groups.yaml', 'utf8')) as { signs: string[] }[]).flatMap((g) => g.signs);

const box = (page: Page, id: string) => page.locator(`input[type="checkbox"][name="red-flag"][value="${id}"]`);
const result = (page: Page) => page.locator('[data-triage-result]');
const ticked = (page: Page) =>
  page.locator('input[name="red-flag"]').evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => (e as HTMLInputElement).value));

/** Opens the page and waits for the checklist to take over. */
async function open(page: Page, hash = '') {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('dialog', (d) => errors.push(new Error(`unexpected dialog: ${d.message()}`)));
  await page.goto(`/red-flags/${hash}`);
  await expect(page.locator('red-flag-checklist[data-ready]')).toBeVisible();
  return errors;
}

async function expectTier(page: Page, tier: string) {
  const text = tiers.get(tier)!;
  if (tier === 'self-care') return expectNothingTicked(page);
  await expect(result(page)).toHaveAttribute('data-tier', tier);
  await expect(result(page).getByRole('heading')).toHaveText(`${text.prefix} ${text.heading}`);
  await expect(result(page)).toContainText(text.action);
}

/** Nothing ticked: the result says so, and what that would mean, and never that no sign applies. */
async function expectNothingTicked(page: Page) {
  const text = tiers.get('self-care')!;
  await expect(result(page)).toHaveAttribute('data-tier', 'self-care');
  await expect(result(page).getByRole('heading')).toHaveText('No signs ticked yet');
  await expect(result(page)).toContainText(`${text.heading}. ${text.action}`);
  await expect(result(page)).not.toContainText(/none of the (warning )?signs apply\./i);
}

test.describe('with JavaScript', () => {
  test('every sign in the data has one labelled checkbox, in a fieldset with a legend', async ({ page }) => {
    await open(page);
    await expect(page.locator('input[name="red-flag"]')).toHaveCount(flags.length);
    for (const f of flags) {
      await expect(box(page, f.id)).toHaveCount(1);
      await expect(page.getByRole('checkbox', { name: f.sign, exact: true })).toHaveAttribute('value', f.id);
    }
    const legends = page.locator('fieldset:has(input[name="red-flag"]) > legend');
    expect(await legends.count()).toBeGreaterThan(0);
    for (const legend of await legends.all()) await expect(legend).not.toBeEmpty();
  });

  test('the signs show in their groups, each group a fieldset with a legend', async ({ page }) => {
    await open(page);
    expect(await page.locator('input[name="red-flag"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(groupOrder);
    const legends = await page.locator('fieldset.sign-group > legend').allInnerTexts();
    expect(legends.length).toBeGreaterThan(1);
    for (const l of legends) expect(l.trim()).not.toBe('');
  });

  test('nothing ticked is self-care; each sign alone gives its own tier, and unticking goes back', async ({ page }) => {
    await open(page);
    await expectTier(page, 'self-care');
    for (const f of flags) {
      await box(page, f.id).check();
      await expectTier(page, f.tier);
      await expect(result(page)).toContainText(f.why);
      await box(page, f.id).uncheck();
      await expectTier(page, 'self-care');
    }
  });

  test('the emergency result says not to drive yourself', async ({ page }) => {
    await open(page);
    await box(page, first('emergency').id).check();
    await expect(result(page)).toContainText('Call an ambulance');
    await expect(result(page)).toContainText('Do not drive yourself');
    await box(page, first('emergency').id).uncheck();
    await box(page, first('urgent').id).check();
    await expect(result(page)).not.toContainText('Do not drive yourself');
  });

  test('a combination gives the most serious tier, and unticking lowers it step by step', async ({ page }) => {
    await open(page);
    for (const tier of ['soon', 'urgent', 'emergency']) {
      await box(page, first(tier).id).check();
      await expectTier(page, tier);
    }
    // Ticking a milder sign on top never lowers the result.
    await box(page, flags.filter((f) => f.tier === 'soon')[1].id).check();
    await expectTier(page, 'emergency');
    await expect(result(page)).toContainText(first('urgent').why);
    for (const [untick, left] of [['emergency', 'urgent'], ['urgent', 'soon']]) {
      await box(page, first(untick).id).uncheck();
      await expectTier(page, left);
    }
  });

  test('ticking writes the check into the address without a new history entry or a scroll jump', async ({ page }) => {
    await open(page);
    const before = await page.evaluate(() => history.length);
    const last = flags.at(-1)!;
    await box(page, last.id).scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    await box(page, last.id).check();
    await expect(page).toHaveURL(new RegExp(`/red-flags/#check=${last.id}$`));
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await box(page, first('urgent').id).check();
    await expect(page).toHaveURL(new RegExp(`#check=${first('urgent').id},${last.id}$`));
    await box(page, first('urgent').id).uncheck();
    await box(page, last.id).uncheck();
    await expect(page).toHaveURL(/\/red-flags\/$/);
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('a #check= link opens with those boxes ticked', async ({ page }) => {
    const ids = [first('urgent').id, first('soon').id];
    const errors = await open(page, `#check=${ids.join(',')}`);
    expect(await ticked(page)).toEqual(ids);
    await expectTier(page, 'urgent');
    expect(errors).toEqual([]);
  });

  test('unknown, malformed and hostile ids are ignored without an error', async ({ page }) => {
    const cases: [string, string[]][] = [
      ['#check=not-a-sign', []],
      [`#check=not-a-sign,${first('soon').id}`, [first('soon').id]],
      ['#check=<script>alert(1)</script>', []],
      ['#check=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', []],
      ['#check=%E0%A4%A', []],
      [`#check=${first('emergency').id},%E0%A4%A`, [first('emergency').id]],
      ['#check=__proto__,constructor,,', []],
      [`#check=${'x,'.repeat(5000)}`, []],
    ];
    for (const [hash, expected] of cases) {
      const errors = await open(page, hash);
      expect(await ticked(page), hash).toEqual(expected);
      await expect(result(page), hash).toHaveAttribute('data-tier', expected.length ? flags.find((f) => f.id === expected[0])!.tier : 'self-care');
      expect(errors, hash).toEqual([]);
      await expect(page.locator('[data-triage-result] script, [data-triage-result] img')).toHaveCount(0);
      // The address is cleaned to what is actually ticked.
      expect(new URL(page.url()).hash).toBe(expected.length ? `#check=${expected.join(',')}` : '');
      await leavePage(page);
    }
  });

  test('changing the hash re-applies it; following a section link keeps the ticks', async ({ page }) => {
    await open(page);
    await page.evaluate((id) => { location.hash = `#check=${id}`; }, first('emergency').id);
    await expect(box(page, first('emergency').id)).toBeChecked();
    await expectTier(page, 'emergency');
    await page.locator('a.section-link[href="#urgent"]').click();
    await expect(box(page, first('emergency').id)).toBeChecked();
    await page.evaluate(() => { location.hash = '#check='; });
    await expect(box(page, first('emergency').id)).not.toBeChecked();
    await expectTier(page, 'self-care');
  });

  test('keyboard only: Tab reaches the boxes in order and Space ticks them', async ({ page }) => {
    await open(page);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    const [one, two] = groupOrder.map((id) => flags.find((f) => f.id === id)!);
    for (let i = 0; i < 40 && (await focused()) !== one.id; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(one.id);
    await page.keyboard.press('Space');
    await expect(box(page, one.id)).toBeChecked();
    await expectTier(page, one.tier);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(two.id);
    await page.keyboard.press('Space');
    await expect(box(page, two.id)).toBeChecked();
    await page.keyboard.press('Space');
    await expect(box(page, two.id)).not.toBeChecked();
  });

  test('the result is a polite live region whose words change with the ticks', async ({ page }) => {
    await open(page);
    await expect(result(page)).toHaveAttribute('aria-live', 'polite');
    const before = await result(page).innerText();
    await box(page, first('soon').id).check();
    await expect(result(page)).not.toHaveText(before);
    await expect(result(page)).toContainText(tiers.get('soon')!.heading);
  });

  test('the copy button puts the link to this check on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, `#check=${first('urgent').id}`);
    await page.getByRole('button', { name: 'Copy link to this check' }).click();
    await expect(page.locator('red-flag-checklist').getByRole('status')).toContainText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    // After following a link within the page, the address shows that anchor, but the copy is still the check.
    await page.locator('a[href="#self-care"]').first().click();
    await expect(page).toHaveURL(/#self-care$/);
    await page.getByRole('button', { name: 'Copy link to this check' }).click();
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash).toBe(`#check=${first('urgent').id}`);
  });

  test('the checklist controls are kept out of the search index', async ({ page }) => {
    await open(page);
    const ignored = await page.locator('input[name="red-flag"], [data-triage-result]').evaluateAll((els) => els.every((e) => e.closest('[data-pagefind-ignore]')));
    expect(ignored).toBe(true);
    await expect(page.locator('[data-pagefind-body][data-pagefind-filter="section:When to get help"]')).toHaveCount(1);
  });

  test('at 320px wide nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await open(page, `#check=${flags.map((f) => f.id).join(',')}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('printed, a pre-filled check shows the ticked signs and the answer, and every tier shows', async ({ page }) => {
    const ticked = [first('urgent'), first('soon')];
    await open(page, `#check=${ticked.map((f) => f.id).join(',')}`);
    await page.emulateMedia({ media: 'print' });
    for (const f of ticked) await expect(box(page, f.id)).toBeVisible();
    await expect(page.locator('input[name="red-flag"]:not(:checked)').first()).toBeHidden();
    await expect(result(page)).toBeVisible();
    await expect(result(page)).toContainText(tiers.get('urgent')!.heading);
    await expect(page.locator('[data-result-bar], [data-copy-check]')).toHaveCount(2);
    await expect(page.locator('[data-result-bar]')).toBeHidden();
    await expect(page.locator('[data-copy-check]')).toBeHidden();
    for (const tier of tierOrder) await expect(page.locator(`section[data-tier="${tier}"]`)).toBeVisible();
    for (const f of flags) await expect(page.locator(`li[data-sign="${f.id}"]`)).toBeVisible();
  });

  test('printed with nothing ticked, the form is left out', async ({ page }) => {
    await open(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('red-flag-checklist')).toBeHidden();
  });

  test('axe finds no violations with boxes ticked, light and dark', async ({ page }) => {
    await open(page, `#check=${[first('emergency').id, first('urgent').id, first('soon').id].join(',')}`);
    await expectTier(page, 'emergency');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, { coloursOnly: true })).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every sign shows under its tier heading, most serious first, and no checkbox shows', async ({ page }) => {
    await page.goto('/red-flags/');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.locator('[data-triage-result]')).toBeHidden();

    const cards = page.locator('section[data-tier]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-tier')))).toEqual(tierOrder);
    for (const tier of tierOrder) {
      const text = tiers.get(tier)!;
      const card = page.locator(`section[data-tier="${tier}"]`);
      // The urgency is in the heading's words, with the hidden prefix for screen readers.
      await expect(card.getByRole('heading')).toHaveText(`${text.prefix} ${text.heading}`);
      await expect(card.getByRole('heading')).toBeVisible();
      await expect(card).toContainText(text.action);
      if (text.caution) await expect(card).toContainText(text.caution);
    }
    // NHS care cards hold five signs at most; a bigger tier is split into cards that repeat its action.
    for (const card of await page.locator('.care-card').all()) expect(await card.locator('li[data-sign]').count()).toBeLessThanOrEqual(5);
    for (const f of flags) {
      const sign = page.locator(`section[data-tier="${f.tier}"] li[data-sign="${f.id}"]`);
      await expect(sign).toBeVisible();
      await expect(sign).toContainText(f.sign);
      await expect(sign).toContainText(f.why);
    }
    await expect(page.locator('section[data-tier="emergency"]')).toContainText('Do not drive yourself');
  });

  test('the self-care group links what helps at home and when to see someone', async ({ page }) => {
    await page.goto('/red-flags/');
    const selfCare = page.locator('section[data-tier="self-care"]');
    for (const href of ['/treatments/rest-and-relative-rest/', '/treatments/ice/', '/faq/when-should-i-see-a-doctor-or-physio/']) {
      await expect(selfCare.locator(`a[href="${href}"]`)).toBeVisible();
    }
  });

  test('each group heading has a stable id and a link to itself', async ({ page }) => {
    await page.goto('/red-flags/');
    for (const tier of tierOrder) {
      await expect(page.locator(`section[data-tier="${tier}"] :is(h2, h3)#${tier}`)).toHaveCount(1);
      await expect(page.locator(`a.section-link[href="#${tier}"]`)).toBeVisible();
    }
  });
});
