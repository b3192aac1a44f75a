// /handout/: assembled in the browser from its link, under the site's
// Content-Security-Policy; hostile parts dropped; one QR code for the
// handout's own link on top of page 1; at most 4 sheets for two pages, a
// section and two signs. And the maker on /for-clinics/ that builds the link,
// used with the keyboard only.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { triage, type Sign } from '../../src/lib/triage.ts';
import { MAX_PARTS } from '../../src/lib/handout.ts';
import { axeViolations } from './axe.ts';
import { builtManifest } from './manifest.ts';
import { addressIsOnTop, readQrCode } from './print.ts';
import { readContentPages, readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';
import { COLLECTION_LABELS } from '../../src/site.ts';

const manifest = builtManifest();
const site = manifest.site;
const signs = readRedFlags() as (Sign & { sign: string })[];
const tiers = readContentYaml('red-flag-tiers.yaml') as {
  id: string;
  prefix: string;
  heading: string;
  action: string;
}[];
const sheets = readContentYaml('clinic-sheets.yaml') as {
  id: string;
  title: string;
  pages: string[];
  watch: string[];
}[];

const FAQ = '/faq/can-i-run-with-sore-calves/';
const TREATMENT = '/treatments/ice/';
const CAUSE = '/causes/calf-strain-or-tear/';
const SECTION = manifest.pages.find((p) => p.url === CAUSE)!.anchors.find((a) => a.id !== 'signs-this-may-be-you')!;
const SIGNS = ['pop-or-snap', 'fever'];
// What a clinic sends, as architecture.md writes it.
const LINK = `/handout/#pages=${FAQ},${TREATMENT},${CAUSE}%23${SECTION.id}&check=${SIGNS.join(',')}`;
const title = (url: string) => manifest.pages.find((p) => p.url === url)!.title;

/** Opens a handout and waits until it is put together; fails on any console error (a CSP refusal shows there). */
async function openHandout(page: Page, link: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(link);
  await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
  return errors;
}

test('a handout link shows its pages and section in order, the ticked signs and what to do', async ({ page }) => {
  const errors = await openHandout(page, LINK);
  const parts = page.locator('.handout-part');
  await expect(parts).toHaveCount(3);
  await expect(parts.locator('h2')).toHaveText([title(FAQ), title(TREATMENT), SECTION.title]);
  await expect(parts.nth(0).locator('.handout-source')).toContainText(new URL(FAQ, site).href);
  await expect(parts.nth(2).locator('.handout-source')).toContainText(`${new URL(CAUSE, site).href}#${SECTION.id}`);
  await expect(parts.nth(2).locator('.handout-source')).toContainText(title(CAUSE));
  await expect(parts.nth(0).locator('.review-dates')).toContainText('Next review due');
  // Only content: no scripts, buttons, copy links or hidden search keywords came along.
  await expect(page.locator('.handout-part :is(script, button, input, [hidden], .section-link, [id])')).toHaveCount(0);
  expect(
    await page
      .locator('.handout-part *')
      .evaluateAll((els) =>
        els.flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on') || n === 'style'),
      ),
  ).toEqual([]);

  const check = page.locator('[data-handout-check]');
  await expect(check).toBeVisible();
  await expect(check.locator('li:visible')).toHaveText(SIGNS.map((id) => signs.find((s) => s.id === id)!.sign));
  const tier = triage(SIGNS, signs);
  const answer = tiers.find((t) => t.id === tier)!;
  await expect(check.locator('.care-card:visible h3')).toHaveText(`${answer.prefix} ${answer.heading}`);
  await expect(check.locator('.care-card:visible')).toHaveCount(1);

  await expect(page.locator('.handout-notice')).toContainText('General information, not a diagnosis');
  await expect(page.locator('[data-handout-date]')).toContainText(String(new Date().getFullYear()));
  await expect(page.locator('.handout-notes')).toBeVisible();
  expect(errors).toEqual([]);
});

// How many sheets it prints on: tests/e2e/print.spec.ts, with every page.
test('a printed handout has its own QR code on top of page 1, and room for notes', async ({ page }) => {
  await openHandout(page, LINK);
  await page.emulateMedia({ media: 'print' });
  const own = new URL(LINK, site).href;
  await expect(page.locator('.printed-address')).toContainText(own);
  // The encoder loads only for print: a browser fires beforeprint first.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect.poll(() => readQrCode(page)).toBe(own);
  expect(await addressIsOnTop(page)).toBe(true);
  await expect(page.locator('.handout-tools')).toBeHidden();
  await expect(page.locator('.handout-notes')).toBeVisible();
});

test('foreign, malformed and unknown parts are dropped, and the printed link leaves them out', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const hostile = [
    'https://evil.example/x/',
    '//evil.example/',
    'javascript:alert(1)',
    '/causes/../faq/',
    '%2F%2Fevil.example%2F',
    `${FAQ}%23no-such-section`,
    '/causes/no-such-page/',
    `${FAQ}%23%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
  ];
  await openHandout(page, `/handout/#pages=${hostile.join(',')},${TREATMENT}&check=made-up,<b>,${SIGNS[0]}`);
  await expect(page.locator('.handout-part h2')).toHaveText([title(TREATMENT)]);
  await expect(page.locator('[data-handout-check] li:visible')).toHaveCount(1);
  await expect(page.locator('.printed-address')).toContainText(
    new URL(`/handout/#pages=${TREATMENT}&check=${SIGNS[0]}`, site).href,
  );
  expect(requests.filter((u) => new URL(u).origin !== new URL(page.url()).origin)).toEqual([]);
});

test('a link with nothing the guide has says so and leads to the handout maker', async ({ page }) => {
  await openHandout(page, '/handout/#pages=https://evil.example/&check=nothing');
  await expect(page.locator('.handout-part')).toHaveCount(0);
  await expect(page.locator('[data-handout-status]')).toContainText('names no page');
  await expect(page.locator('[data-handout-status] a')).toHaveAttribute('href', /^\/for-clinics\//);
  await expect(page.locator('[data-handout-check]')).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the handout explains it needs JavaScript and links the guide', async ({ page }) => {
    await page.goto(LINK);
    await expect(page.getByText('needs JavaScript')).toBeVisible();
    for (const href of ['/for-clinics/', '/red-flags/', '/causes/', '/treatments/', '/faq/']) {
      await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
    }
  });
  test('the handout maker explains it needs JavaScript', async ({ page }) => {
    await page.goto('/for-clinics/');
    await expect(page.locator('[data-builder-without-js]')).toBeVisible();
    await expect(page.locator('[data-handout-builder]')).toBeHidden();
  });
});

/** Presses Tab (or Shift+Tab) until the element is focused: the way a keyboard user gets there. */
async function tabTo(page: Page, selector: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

for (const viewport of [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
]) {
  test(`the handout maker builds the link a clinic expects, with the keyboard only (${viewport.width} px)`, async ({
    page,
    context,
  }) => {
    // About 200 key presses, each checked in the page: on a busy shared machine that outlasts the default timeout.
    test.slow();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize(viewport);
    await page.goto('/for-clinics/');
    await expect(page.locator('[data-handout-builder]')).toBeVisible();
    await tabTo(page, '[data-builder-filter]');

    await page.keyboard.type('run with sore');
    await tabTo(page, `input[value="${FAQ}"]`);
    await page.keyboard.press('Space');
    await tabTo(page, '[data-builder-filter]', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(title(TREATMENT));
    await tabTo(page, `input[value="${TREATMENT}"]`);
    await page.keyboard.press('Space');

    await tabTo(page, '[data-builder-filter]', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SECTION.title);
    // Found by a section's title, the page's list of parts opens by itself.
    await tabTo(page, `input[value="${CAUSE}#${SECTION.id}"]`);
    await page.keyboard.press('Space');

    // These are signs the patient has now: the second choice of the radio group.
    await tabTo(page, '[name="sign-mode"]:checked');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[name="sign-mode"][value="check"]')).toBeChecked();
    for (const id of SIGNS) {
      await tabTo(page, `[data-builder-signs] input[value="${id}"]`);
      await page.keyboard.press('Space');
    }
    const expected = new URL(LINK, site).href;
    await expect(page.locator('[data-builder-link]')).toHaveValue(expected);
    await expect(page.locator('[data-builder-summary] li')).toHaveCount(4);

    await tabTo(page, '[data-builder-copy]');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-builder-copy]')).toContainText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect(page.locator('[data-builder-open]')).toHaveAttribute('href', LINK);
  });
}

test('unticking takes a part out of the link again', async ({ page }) => {
  await page.goto('/for-clinics/');
  await page.locator(`input[value="${FAQ}"]`).check();
  await page.locator(`input[value="${TREATMENT}"]`).check();
  await page.locator(`input[value="${FAQ}"]`).uncheck();
  await expect(page.locator('[data-builder-link]')).toHaveValue(new URL(`/handout/#pages=${TREATMENT}`, site).href);
  await page.locator(`input[value="${TREATMENT}"]`).uncheck();
  await expect(page.locator('[data-builder-link]')).toHaveValue('');
  await expect(page.locator('[data-builder-copy]')).toBeDisabled();
});

test("the handout maker heads its lists with the collections' own labels (src/site.ts)", async ({ page }) => {
  await page.goto('/for-clinics/');
  const groups = page.locator('[data-builder-group]');
  await expect(groups.first()).toBeAttached();
  const shown = await groups.evaluateAll((els) =>
    els.map((el) => [(el as HTMLElement).dataset.builderGroup!, el.querySelector('legend')!.textContent!]),
  );
  expect(Object.fromEntries(shown)).toEqual(COLLECTION_LABELS);
});

// The rest of /for-clinics/ is in tests/e2e/a11y.spec.ts with every page.
test('the handout maker passes axe, with a page ticked and a list of parts open', async ({ page }) => {
  await page.goto('/for-clinics/');
  await page.locator(`input[value="${FAQ}"]`).check();
  await page.locator(`li:has(input[value="${CAUSE}"]) summary`).click();
  expect(await axeViolations(page, { include: '.builder' })).toEqual([]);
});

test('a handout passes axe', async ({ page }) => {
  await openHandout(page, LINK);
  expect(await axeViolations(page)).toEqual([]);
});

// Safety-net handouts: signs to watch for, each with what to do, and no answer for today.
const WATCH = ['pop-or-snap', 'getting-worse', 'swollen-red-warm-one-leg'];
const WATCH_LINK = `/handout/#pages=${TREATMENT}&watch=${WATCH.join(',')}`;

test('a handout with signs to watch for lists each under its care card with what to do, and computes no answer', async ({
  page,
}) => {
  const errors = await openHandout(page, WATCH_LINK);
  const watch = page.locator('[data-handout-watch]');
  await expect(watch.getByRole('heading', { level: 2 })).toHaveText('Get help if any of these happen');
  // The clinic's signs, then the part's own get-help signs, in one list: the part's note goes, nothing is lost.
  const own = readContentPages().find((p) => `/${p.collection}/${p.id}/` === TREATMENT)!.data.redFlags as string[];
  const listed = [...new Set([...WATCH, ...own])];
  expect(listed.length).toBeGreaterThan(WATCH.length);
  await expect(watch.locator('li[data-sign]:visible')).toHaveCount(listed.length);
  await expect(page.locator('.handout-part .help-note')).toHaveCount(0);
  await expect(watch).toContainText('Calf pain with chest pain or breathlessness');
  for (const id of listed) {
    const flag = signs.find((f) => f.id === id)!;
    const tier = tiers.find((t) => t.id === flag.tier)!;
    const card = watch.locator(`.care-card:visible:has(li[data-sign="${id}"]:visible)`);
    await expect(card, id).toHaveAttribute('data-tier', flag.tier);
    await expect(card.locator('li:visible')).toContainText([flag.sign]);
    await expect(card.locator('.care-band')).toHaveText(`${tier.prefix} ${tier.heading}`);
    await expect(card.locator('.action')).toHaveText(`What to do: ${tier.action}`);
  }
  // One card per tier named, in order of urgency; no card without a sign.
  const named = new Set(listed.map((id) => signs.find((f) => f.id === id)!.tier));
  await expect(watch.locator('.care-card:visible')).toHaveCount(named.size);
  // Tap to call, from the cards' own words.
  await expect(watch.locator('.care-card:visible a[href="tel:999"]').first()).toBeVisible();
  // Nothing is "ticked for you": no answer is computed for today.
  await expect(page.locator('[data-handout-check]')).toBeHidden();
  await expect(page.locator('.printed-address')).toContainText(new URL(WATCH_LINK, site).href, { useInnerText: false });
  expect(errors).toEqual([]);
});

test('a link with more parts than a handout holds shows the first ones and says so', async ({ page }) => {
  const urls = manifest.pages
    .filter((p) => /^\/(faq|causes|treatments)\/[^/]+\/$/.test(p.url))
    .map((p) => p.url)
    .slice(0, MAX_PARTS + 2);
  await openHandout(page, `/handout/#pages=${urls.join(',')}`);
  await expect(page.locator('.handout-part')).toHaveCount(MAX_PARTS);
  await expect(page.locator('[data-handout-status]')).toHaveText(
    `This link named ${MAX_PARTS + 2} parts; a handout holds at most ${MAX_PARTS}: the first ${MAX_PARTS} are shown.`,
  );
});

test('the handout maker stops at the parts a handout holds, and says so', async ({ page }) => {
  const urls = manifest.pages
    .filter((p) => /^\/(faq|causes|treatments)\/[^/]+\/$/.test(p.url))
    .map((p) => p.url)
    .slice(0, MAX_PARTS + 1);
  await page.goto('/for-clinics/');
  for (const url of urls.slice(0, MAX_PARTS)) await page.locator(`input[value="${url}"]`).check();
  const last = page.locator(`input[value="${urls.at(-1)}"]`);
  await last.click();
  await expect(last).not.toBeChecked();
  await expect(page.locator('[data-builder-limit]')).toContainText(
    `A handout holds at most ${MAX_PARTS} pages and parts`,
  );
  await expect(page.locator('[data-builder-link]')).toHaveValue(
    new URL(`/handout/#pages=${urls.slice(0, MAX_PARTS).join(',')}`, site).href,
  );
  await expect(page.locator('[data-builder-summary] li')).toHaveCount(MAX_PARTS);
});

test('the handout maker makes a watch list by default, and keeps its choices through a reload and Back', async ({
  page,
}) => {
  await page.goto('/for-clinics/');
  await page.locator(`input[value="${FAQ}"]`).check();
  await page.locator(`li:has(input[value="${CAUSE}"]) summary`).click();
  await page.locator(`input[value="${CAUSE}#${SECTION.id}"]`).check();
  for (const id of WATCH) await page.locator(`[data-builder-signs] input[value="${id}"]`).check();
  const expected = new URL(`/handout/#pages=${FAQ},${CAUSE}%23${SECTION.id}&watch=${WATCH.join(',')}`, site).href;
  await expect(page.locator('[data-builder-link]')).toHaveValue(expected);
  expect(new URL(page.url()).search).toBe(`?pages=${FAQ},${CAUSE}%23${SECTION.id}&watch=${WATCH.join(',')}`);

  const kept = async () => {
    await expect(page.locator('[data-handout-builder]')).toBeVisible();
    await expect(page.locator('[data-builder-link]')).toHaveValue(expected);
    for (const value of [FAQ, `${CAUSE}#${SECTION.id}`, ...WATCH])
      await expect(page.locator(`.builder input[value="${value}"]`), value).toBeChecked();
    await expect(page.locator('[name="sign-mode"][value="watch"]')).toBeChecked();
  };
  await page.reload();
  await kept();
  await page.locator('[data-builder-open]').click();
  await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
  await page.goBack();
  await kept();
  // Signs the patient has now: the same signs, as a check.
  await page.locator('[name="sign-mode"][value="check"]').check();
  await expect(page.locator('[data-builder-link]')).toHaveValue(expected.replace('&watch=', '&check='));
  await page.reload();
  await expect(page.locator('[name="sign-mode"][value="check"]')).toBeChecked();
});

test('each printable clinic sheet opens its handout with its signs to watch for, or fills the handout maker', async ({
  page,
}) => {
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    await page.goto('/for-clinics/');
    const item = page.locator(`[data-clinic-sheet="${sheet.id}"]`);
    await item.getByRole('link', { name: sheet.title, exact: true }).click();
    await expect(page.locator('[data-handout-parts][data-ready]')).toBeAttached();
    await expect(page.locator('.handout-part')).toHaveCount(sheet.pages.length);
    for (const id of sheet.watch)
      await expect(page.locator(`[data-handout-watch] li[data-sign="${id}"]`), id).toBeVisible();
    await expect(page.locator('[data-handout-check]')).toBeHidden();

    await page.goto('/for-clinics/');
    await item.getByRole('link', { name: /^Change it in the handout maker/ }).click();
    await expect(page.locator('[data-handout-builder]')).toBeVisible();
    for (const value of [...sheet.pages, ...sheet.watch])
      await expect(page.locator(`.builder input[value="${value}"]`), value).toBeChecked();
    await expect(page.locator('[data-builder-link]')).toHaveValue(
      new URL(`/handout/#pages=${sheet.pages.join(',')}&watch=${sheet.watch.join(',')}`, site).href,
    );
  }
});

test('a handout with signs to watch for passes axe', async ({ page }) => {
  await openHandout(page, WATCH_LINK);
  expect(await axeViolations(page)).toEqual([]);
});
