import { test, expect, leavePage } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { axeViolations } from './axe.ts';
import { inViewport, lowContrastTexts } from './pixels.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';

// The expectations come from the same data the page is built from.
interface TierText {
  id: string;
  prefix: string;
  heading: string;
  action: string;
  caution?: string;
}
const flags = readRedFlags();
const tiers = new Map((readContentYaml('red-flag-tiers.yaml') as TierText[]).map((t) => [t.id, t]));
const tierOrder = ['emergency', 'a-and-e', 'urgent', 'soon', 'self-care'];
const first = (tier: string) => flags.find((f) => f.tier === tier)!;
// The checklist shows the signs by group (content/red-flag-groups.yaml), in that order.
const groupOrder = (readContentYaml('red-flag-groups.yaml') as { signs: string[] }[]).flatMap((g) => g.signs);

const box = (page: Page, id: string) => page.locator(`input[type="checkbox"][name="red-flag"][value="${id}"]`);
const result = (page: Page) => page.locator('[data-triage-result]');
const ticked = (page: Page) =>
  page
    .locator('input[name="red-flag"]')
    .evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => (e as HTMLInputElement).value));

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
  await expect(result(page)).toContainText(text.heading);
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
    expect(
      await page.locator('input[name="red-flag"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(groupOrder);
    const legends = await page.locator('fieldset.sign-group > legend').allInnerTexts();
    expect(legends.length).toBeGreaterThan(1);
    for (const l of legends) expect(l.trim()).not.toBe('');
  });

  test('nothing ticked is self-care; each sign alone gives its own tier, and unticking goes back', async ({ page }) => {
    test.slow(); // 21 signs, each ticked and unticked
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
    for (const tier of ['soon', 'urgent', 'a-and-e', 'emergency']) {
      await box(page, first(tier).id).check();
      await expectTier(page, tier);
    }
    // Ticking a milder sign on top never lowers the result.
    await box(page, flags.filter((f) => f.tier === 'soon')[1].id).check();
    await expectTier(page, 'emergency');
    await expect(result(page)).toContainText(first('urgent').why);
    for (const [untick, left] of [
      ['emergency', 'a-and-e'],
      ['a-and-e', 'urgent'],
      ['urgent', 'soon'],
    ]) {
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
      await expect(result(page), hash).toHaveAttribute(
        'data-tier',
        expected.length ? flags.find((f) => f.id === expected[0])!.tier : 'self-care',
      );
      expect(errors, hash).toEqual([]);
      await expect(page.locator('[data-triage-result] script, [data-triage-result] img')).toHaveCount(0);
      // The address is cleaned to what is actually ticked.
      expect(new URL(page.url()).hash).toBe(expected.length ? `#check=${expected.join(',')}` : '');
      await leavePage(page);
    }
  });

  test('changing the hash re-applies it; following a section link keeps the ticks and the check in the address', async ({
    page,
  }) => {
    await open(page);
    await page.evaluate((id) => {
      location.hash = `#check=${id}`;
    }, first('emergency').id);
    await expect(box(page, first('emergency').id)).toBeChecked();
    await expectTier(page, 'emergency');
    await page.locator('a.section-link[href="#urgent"]').click();
    await expect(box(page, first('emergency').id)).toBeChecked();
    await expect(page).toHaveURL(new RegExp(`#check=${first('emergency').id}$`));
    await page.evaluate(() => {
      location.hash = '#check=';
    });
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
    // After following a link within the page, the address and the copy are still the check.
    await page.locator('a[href="#self-care"]').first().click();
    await expect(page).toHaveURL(new RegExp(`#check=${first('urgent').id}$`));
    await page.getByRole('button', { name: 'Copy link to this check' }).click();
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash).toBe(
      `#check=${first('urgent').id}`,
    );
  });

  test('the checklist controls are kept out of the search index', async ({ page }) => {
    await open(page);
    const ignored = await page
      .locator('input[name="red-flag"], [data-triage-result]')
      .evaluateAll((els) => els.every((e) => e.closest('[data-pagefind-ignore]')));
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

// What a worried reader sees: the answer's words read from the pixels, in view
// at once, on phones, light and dark. (Today's blank bar failed these: its
// words were white on white, its contrast 1.)
const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];
const SCHEMES = ['light', 'dark', 'forced'] as const;
const answerTiers = tierOrder.filter((t) => t !== 'self-care');
/** Tiers whose words give a number to call. */
const calls = (tier: string) => /\b(999|112|911|111)\b/.test(`${tiers.get(tier)!.heading} ${tiers.get(tier)!.action}`);

async function setScheme(page: Page, scheme: (typeof SCHEMES)[number]) {
  await page.emulateMedia(
    scheme === 'forced'
      ? { colorScheme: 'light', forcedColors: 'active' }
      : { colorScheme: scheme, forcedColors: 'none' },
  );
}

/** The action in words on screen (the bar's band or the result's), legible, and, where the tier gives one, a number to call on screen, legible. */
async function expectAnswerSeen(page: Page, tier: string, where: string) {
  const bands = [page.locator('[data-result-bar]:visible [data-bar-text]'), result(page).locator('.care-band')];
  let seen = false;
  for (const band of bands) {
    if (!(await band.isVisible()) || !(await inViewport(page, band))) continue;
    await expect(band, where).toContainText(tiers.get(tier)!.heading.replace(/\s+/g, ' '));
    expect(
      await lowContrastTexts(page, await page.screenshot(), band),
      `${where}: the band's words against what is painted behind them`,
    ).toEqual([]);
    seen = true;
    break;
  }
  expect(seen, `${where}: the action in words is on screen`).toBe(true);
  if (!calls(tier)) return;
  const tels = page.locator(':is([data-result-bar], [data-triage-result]) a[href^="tel:"]:visible');
  let tel: Locator | undefined;
  for (const t of await tels.all())
    if (await inViewport(page, t)) {
      tel = t;
      break;
    }
  expect(tel, `${where}: a tap-to-call link is on screen`).toBeTruthy();
  expect(
    await lowContrastTexts(page, await page.screenshot(), tel!),
    `${where}: the number to call against what is painted behind it`,
  ).toEqual([]);
}

test.describe('the answer a worried reader sees', () => {
  test('a pop, a crack, or not being able to walk or stand on tiptoe sends the reader to A&E or an urgent treatment centre', async ({
    page,
  }) => {
    await open(page);
    for (const id of ['pop-or-snap', 'suspected-fracture', 'cannot-bear-weight', 'cannot-rise-on-toes']) {
      await box(page, id).check();
      await expect(result(page), id).toHaveAttribute('data-tier', 'a-and-e');
      await expect(result(page).getByRole('heading'), id).toHaveText(
        'Immediate action required: Go to an urgent treatment centre or A&E now',
      );
      await expect(result(page), id).toContainText('Do not drive yourself');
      await box(page, id).uncheck();
    }
  });

  for (const viewport of PHONES) {
    // Forced colours at one phone size: the system's colours do not depend on the width.
    for (const scheme of SCHEMES.filter((s) => s !== 'forced' || viewport.width === 375)) {
      test(`at ${viewport.width} x ${viewport.height}, ${scheme}: ticking a sign of each tier shows its action and number to call at once, legible on the pixels`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await setScheme(page, scheme);
        await open(page);
        for (const tier of answerTiers) {
          const f = first(tier);
          await box(page, f.id).scrollIntoViewIfNeeded();
          await box(page, f.id).check();
          await expect(result(page)).toHaveAttribute('data-tier', tier);
          await expectAnswerSeen(page, tier, `${tier} ticked`);
          // The full answer, one tap away, reads as well.
          if (await page.locator('[data-result-bar]').isVisible())
            await page.getByRole('button', { name: 'What to do' }).click();
          await expectAnswerSeen(page, tier, `${tier}, the full answer`);
          await box(page, f.id).uncheck();
        }
      });

      test(`at ${viewport.width} x ${viewport.height}, ${scheme}: a pre-filled link of each tier opens with its answer on the first screen, legible`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await setScheme(page, scheme);
        for (const tier of answerTiers) {
          await open(page, `#check=${first(tier).id}`);
          await expectAnswerSeen(page, tier, `#check=${first(tier).id}`);
          // The answer itself, not a bar pointing to it.
          await expect(page.locator('[data-result-bar]')).toBeHidden();
          expect(await inViewport(page, result(page).locator('.care-band'))).toBe(true);
          await leavePage(page);
        }
      });
    }
  }

  test('links within the page keep #check= in the address, so a reload keeps the ticks', async ({ page }) => {
    await open(page, '#check=fever');
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveURL(/#check=fever$/);
    await page.locator('a.section-link[href="#warning-signs"]').click();
    await expect(page).toHaveURL(/#check=fever$/);
    await page.reload();
    await expect(page.locator('red-flag-checklist[data-ready]')).toBeVisible();
    await expect(box(page, 'fever')).toBeChecked();
  });

  test('the QR encoder loads only once a sign is ticked; before that the page loads at most 3 kB of JavaScript, gzipped', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/red-flags/', { waitUntil: 'networkidle' });
    await expect(page.locator('red-flag-checklist[data-ready]')).toBeVisible();
    expect(scripts.filter((u) => /qr/.test(u))).toEqual([]);
    const sizes = await Promise.all(
      scripts.map(async (u) => gzipSync(await (await page.request.get(u)).body()).length),
    );
    expect(
      sizes.reduce((a, b) => a + b, 0),
      scripts.join(', '),
    ).toBeLessThanOrEqual(3_000);
    const encoder = page.waitForRequest((r) => /qr/.test(r.url()));
    await box(page, 'fever').check();
    await encoder;
  });

  test("at 375 x 667 the page is at most 8 screens tall, and every card's signs are one tap away", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollHeight / innerHeight)).toBeLessThanOrEqual(8);
    const sign = page.locator(`section[data-tier] li[data-sign="${first('urgent').id}"]`);
    await expect(sign).toBeHidden();
    await page.locator('section[data-tier="urgent"] summary').first().click();
    await expect(sign).toBeVisible();
    await expect(sign).toContainText(first('urgent').why);
  });
});

test.describe('the way to help in the header', () => {
  for (const [label, viewport, textSize] of [
    ['320 px', { width: 320, height: 568 }, ''],
    ['375 px', { width: 375, height: 667 }, ''],
    ['375 px at 200% text', { width: 375, height: 667 }, '200%'],
  ] as const) {
    test(`at ${label}, "When to get help" is on screen without sideways scrolling and the search box keeps its size`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      if (textSize)
        await page.evaluate((size) => {
          document.documentElement.style.fontSize = size;
        }, textSize);
      const help = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'When to get help' });
      expect(await inViewport(page, help)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
        const b = (await link.boundingBox())!;
        expect(b.x + b.width, await link.innerText()).toBeLessThanOrEqual(viewport.width);
      }
      expect((await page.locator('#header-q').boundingBox())!.width).toBeGreaterThanOrEqual(textSize ? 150 : 60);
    });
  }
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
    for (const card of await page.locator('.care-card').all())
      expect(await card.locator('li[data-sign]').count()).toBeLessThanOrEqual(5);
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
    for (const href of [
      '/treatments/rest-and-relative-rest/',
      '/treatments/ice/',
      '/faq/when-should-i-see-a-doctor-or-physio/',
    ]) {
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
