// Search against the built index, in Chromium: what the index holds, the
// committed runner queries, every FAQ question, and the /search/ page itself.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { CLS_BUDGET, watchLayoutShift } from './layout-shift.ts';
import fs from 'node:fs';
import path from 'node:path';
import { words as tokens } from '../../src/lib/search-tokens.ts';
import { cleanQuery, MAX_QUERY_LENGTH, MAX_EXTRA_SEARCHES } from '../../src/lib/search.ts';
import { SEARCH_WORDS_PATH, type SearchWords } from '../../src/lib/search-vocabulary.ts';
import { COLLECTION_LABELS } from '../../src/site.ts';
import { DIST, builtPages, contentIds, redFlagIds } from './site.ts';
import { readContentPages } from '../../scripts/lib/content-data.ts';

/** `sign`: the warning sign whose card the query must show first. */
interface Query {
  query: string;
  top3: string[];
  sign?: string;
}
const queries: Query[] = JSON.parse(fs.readFileSync(path.resolve('tests/e2e/search-queries.json'), 'utf8'));

const COLLECTION_SECTIONS = {
  causes: COLLECTION_LABELS.causes,
  treatments: COLLECTION_LABELS.treatments,
  faq: COLLECTION_LABELS.faq,
} as const;
const SECTION_NAMES = [
  COLLECTION_LABELS.faq,
  COLLECTION_LABELS.causes,
  COLLECTION_LABELS.treatments,
  COLLECTION_LABELS['red-flags'],
];

/**
 * One browser context per worker, so pages share the HTTP cache: `searchPage`
 * is one loaded search page that queries are typed into; `warmPage` is a new
 * page for a test that must load /search/ itself (?q= on load, a count from
 * load, layout shift). A test that watches every request uses a cold `page`.
 */
const test = base.extend<{ warmPage: Page }, { searchContext: BrowserContext; searchPage: Page }>({
  searchContext: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  searchPage: [
    async ({ searchContext }, use) => {
      const page = await searchContext.newPage();
      await page.goto('/search/');
      await use(page);
    },
    { scope: 'worker' },
  ],
  warmPage: async ({ searchContext }, use) => {
    const page = await searchContext.newPage();
    await use(page);
    await page.close();
  },
});

/** Types a query into the loaded search page, submits it, and waits for its results. */
async function typeQuery(page: Page, query: string) {
  const input = page.getByLabel('Type a question or a few words');
  await input.fill(query);
  await input.press('Enter');
  await waitForResults(page, query);
}

/** Every page that should be in the index, with its section filter (the start page has none). */
const expectedPages = new Map<string, string | undefined>([
  ['/', undefined],
  ...(Object.entries(COLLECTION_SECTIONS) as [keyof typeof COLLECTION_SECTIONS, string][]).flatMap(([c, section]) =>
    contentIds(c).map((id) => [`/${c}/${id}/`, section] as [string, string]),
  ),
  // The checklist is indexed by design (src/pages/red-flags/index.astro): a build that drops it fails here.
  ['/red-flags/', COLLECTION_LABELS['red-flags']],
]);

/** Opens /search/?q=… and waits until the results for that query are shown. */
async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await waitForResults(page, query);
}

/** Unticks every section filter without searching again (the next typed query searches every section). */
async function clearSections(page: Page) {
  await page.locator('[data-search-options] input:checked').evaluateAll((boxes) =>
    boxes.forEach((b) => {
      (b as HTMLInputElement).checked = false;
    }),
  );
}

async function waitForResults(page: Page, query: string) {
  await page.waitForFunction(
    (q) => document.querySelector('[data-search-results]')?.getAttribute('data-query') === q,
    cleanQuery(query),
  );
}

const resultUrls = (page: Page) =>
  page.locator('.result-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

interface HistoryLimit {
  __writes: number;
  __refused: number;
  __windowEnds(): void;
}
/**
 * For page.addInitScript: WebKit's limit on history writes, with its 10 s
 * window ended by the test (__windowEnds), not by time: `limit` writes
 * (replaceState or pushState), then each throws as WebKit's does.
 */
function limitHistoryWrites(limit: number) {
  const w = window as unknown as HistoryLimit;
  let used = 0;
  Object.assign(w, {
    __writes: 0,
    __refused: 0,
    __windowEnds: () => {
      used = 0;
      limit = Infinity;
    },
  });
  for (const name of ['replaceState', 'pushState'] as const) {
    const write = history[name].bind(history);
    history[name] = (...args: Parameters<History['replaceState']>) => {
      if (used >= limit) {
        w.__refused++;
        throw new DOMException(`Attempt to use history.${name}() more than 100 times per 10 seconds`, 'SecurityError');
      }
      used++;
      w.__writes++;
      write(...args);
    };
  }
}

interface IndexedPage {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  anchors: { id: string }[];
}

let indexRead: Promise<IndexedPage[]> | undefined;
/** Everything the index holds, read once a worker through Pagefind's own JS API in a loaded search page. */
function readIndex(page: Page): Promise<IndexedPage[]> {
  return (indexRead ??= page.evaluate(async () => {
    const bundle = '/pagefind/pagefind.js';
    const pagefind = await import(bundle);
    const all = await pagefind.search(null);
    return Promise.all(
      all.results.map(async (r: { data(): Promise<IndexedPage> }) => {
        const { url, content, filters, anchors } = await r.data();
        return { url, content, filters, anchors };
      }),
    );
  }));
}

test.describe('the index', () => {
  test('holds every guide page once, each FAQ on its own, and no list or utility page', async ({ searchPage }) => {
    const indexed = await readIndex(searchPage);
    expect(indexed.map((p) => p.url).sort()).toEqual([...expectedPages.keys()].sort());
    for (const p of indexed) expect(p.filters.section?.[0], p.url).toBe(expectedPages.get(p.url));
  });

  test('holds only page bodies: no header, footer, get-help note, related lists, review dates or copy-link marks', async ({
    searchPage,
  }) => {
    const everywhere = [
      'Skip to main content',
      'It cannot see or examine your leg',
      'No cookies, no tracking',
      'Page last reviewed by the editors',
      ' # ',
    ];
    // Parts of the entry layout, outside what each entry says.
    const onEntries = [
      'Most calf soreness settles',
      'Check all the warning signs',
      'Questions about this',
      'Related causes',
      'What it helps with',
    ];
    for (const p of await readIndex(searchPage)) {
      const entry = /^\/(causes|treatments|faq)\/./.test(p.url);
      for (const outside of [...everywhere, ...(entry ? onEntries : [])]) {
        expect(p.content, `${p.url} should not hold "${outside}"`).not.toContain(outside);
      }
    }
  });

  test('gives each heading of a page as an anchor that exists on the page', async ({ searchPage }) => {
    const indexed = await readIndex(searchPage);
    for (const p of indexed.filter((x) => x.url.startsWith('/causes/'))) {
      expect(p.anchors.length, p.url).toBeGreaterThan(1);
      const html = fs.readFileSync(path.join(DIST, p.url, 'index.html'), 'utf8');
      for (const a of p.anchors) expect(html, `${p.url}#${a.id}`).toContain(`id="${a.id}"`);
    }
  });
});

test.describe('runner queries', () => {
  test('at least 25 are committed, each naming pages that exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
    const built = builtPages();
    for (const q of queries) for (const url of q.top3) expect(built, `${q.query}: ${url}`).toContain(url);
  });

  for (const q of queries) {
    test(`"${q.query}" has an expected page in its top three`, async ({ searchPage }) => {
      await typeQuery(searchPage, q.query);
      const top = (await resultUrls(searchPage)).slice(0, 3);
      expect(
        top.some((url) => q.top3.includes(url!)),
        `top three: ${top.join(', ')}`,
      ).toBe(true);
    });
  }

  test('each query naming a warning sign names a real one', () => {
    const ids = redFlagIds();
    for (const q of queries.filter((x) => x.sign)) expect(ids, q.query).toContain(q.sign);
  });

  for (const q of queries.filter((x) => x.sign)) {
    test(`"${q.query}" shows the warning card for ${q.sign} first, above the results`, async ({ searchPage }) => {
      await typeQuery(searchPage, q.query);
      const card = searchPage.locator('[data-search-signs] .sign-card').first();
      await expect(card.getByRole('link', { name: 'Check this sign and the others' })).toHaveAttribute(
        'href',
        `/red-flags/#check=${q.sign}`,
      );
      await expect(card.getByRole('heading')).toBeVisible();
      // The card comes before the first result in the page, and is seen first.
      const [cardTop, resultTop] = await Promise.all([
        card.boundingBox(),
        searchPage.locator('.result').first().boundingBox(),
      ]);
      expect(cardTop!.y).toBeLessThan(resultTop?.y ?? Infinity);
    });
  }
});

/** Every indexed page's title with one letter of its longest word changed to make a word the guide lacks. */
function misspeltTitles(): { url: string; title: string; query: string }[] {
  const { pages } = JSON.parse(fs.readFileSync(path.join(DIST, 'links.json'), 'utf8')) as {
    pages: { url: string; title: string }[];
  };
  const { words, filler } = JSON.parse(fs.readFileSync(path.join(DIST, SEARCH_WORDS_PATH), 'utf8')) as SearchWords;
  const guideWords = new Set(words.split(' '));
  // Not the start page: it lists every page, so search places it after the pages it lists.
  return pages
    .filter((p) => expectedPages.has(p.url) && p.url !== '/')
    .flatMap(({ url, title }) => {
      const word = title
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 5 && !filler.includes(tokens(w)[0]!))
        .sort((a, b) => b.length - a.length)[0];
      if (!word) return [];
      const at = Math.floor(word.length / 2);
      const typo = ['x', 'q', 'z', 'j']
        .map((c) => word.slice(0, at) + (word[at] === c ? 'k' : c) + word.slice(at + 1))
        .find((w) => !guideWords.has(w.toLowerCase()))!;
      return [{ url, title, query: title.replace(word, typo) }];
    });
}

test.describe('a misspelling of a title word still finds the page', () => {
  for (const { url, query } of misspeltTitles()) {
    test(`"${query}" finds ${url} in its top three`, async ({ searchPage }) => {
      await typeQuery(searchPage, query);
      const top = (await resultUrls(searchPage)).slice(0, 3);
      expect(top, `top three for "${query}"`).toContain(url);
    });
  }
});

test.describe('every FAQ question in its own words', () => {
  const faqs = new Map(
    readContentPages()
      .filter((p) => p.collection === 'faq')
      .map((p) => [p.id, p]),
  );
  for (const id of contentIds('faq')) {
    const question = faqs.get(id)!.data.question as string;
    test(`"${question}" returns that FAQ first`, async ({ searchPage }) => {
      await typeQuery(searchPage, question);
      expect((await resultUrls(searchPage))[0]).toBe(`/faq/${id}/`);
    });
  }
});

test.describe('the search page', () => {
  test('a result links to matching sections of its page, by anchor', async ({ searchPage: page }) => {
    await typeQuery(page, 'felt a pop');
    const parts = await page
      .locator('.result-parts a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(parts.length).toBeGreaterThan(0);
    for (const href of parts) {
      const [pagePath, anchor] = href.split('#');
      expect(anchor, href).toBeTruthy();
      expect(fs.readFileSync(path.join(DIST, pagePath!, 'index.html'), 'utf8'), href).toContain(`id="${anchor}"`);
    }
  });

  test('filters by section, each showing how many pages it holds', async ({ searchPage: page }) => {
    await typeQuery(page, 'shoes');
    await showAll(page);
    const found = await listed(page);
    expect(
      found.filter((r) => !r.section).map((r) => r.url),
      'only the start page has no section',
    ).toEqual(found.some((r) => r.url === '/') ? ['/'] : []);
    const filters = page.getByRole('group', { name: 'Show only' }).getByRole('checkbox');
    const names = await filters.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(names).toEqual(SECTION_NAMES);
    try {
      for (const name of names) {
        const inSection = found.filter((r) => r.section === name).map((r) => r.url);
        const box = page.getByRole('checkbox', { name: new RegExp(`^${name} \\d+ pages?$`) });
        await expect(box).toHaveAccessibleName(
          `${name} ${inSection.length} ${inSection.length === 1 ? 'page' : 'pages'}`,
        );
        await box.check();
        await waitForResults(page, 'shoes');
        await expect(page.locator('[data-search-status]')).toContainText(`, ${inSection.length} of them in ${name}.`);
        await showAll(page);
        expect(
          (await listed(page)).map((r) => r.url),
          name,
        ).toEqual(inSection);
        await box.uncheck();
        await waitForResults(page, 'shoes');
      }
    } finally {
      await clearSections(page);
    }
  });

  test('runs ?q= on load and keeps the query in the URL as it changes, without adding history', async ({
    warmPage: page,
  }) => {
    await search(page, 'ice or heat');
    await expect(page.getByLabel('Type a question or a few words')).toHaveValue('ice or heat');
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
    const before = await page.evaluate(() => history.length);
    await page.getByLabel('Type a question or a few words').fill('calf cramp');
    await waitForResults(page, 'calf cramp');
    // The address follows once the query has settled (one write per query, not per keystroke).
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('calf cramp');
    expect(await resultUrls(page)).toContain('/faq/why-do-my-calves-cramp/');
    await page.getByLabel('Type a question or a few words').fill('');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect(page.locator('.result')).toHaveCount(0);
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('is keyboard usable: type, arrow through results and back, Enter opens one', async ({ warmPage: page }) => {
    await page.goto('/search/');
    const input = page.getByLabel('Type a question or a few words');
    await input.focus();
    await page.keyboard.type('felt a pop');
    await waitForResults(page, 'felt a pop');
    // The warning card's link comes first: "felt a pop" names a warning sign.
    // The arrows move between pages; a card's numbers to call are reached with Tab.
    const links = page.locator('[data-search-signs] a:not([href^="tel:"]), [data-search-results] a');
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const first = await links.nth(0).getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${first}$`));
  });

  test('announces the number of pages found in a status region', async ({ searchPage: page }) => {
    await typeQuery(page, 'cadence');
    const status = page.locator('[data-search-status]');
    await expect(status).toHaveText(new RegExp(`^${(await resultUrls(page)).length} pages? found for “cadence”\\.$`));
    await typeQuery(page, 'dvt');
    await expect(status).toHaveText(
      /^A warning sign matches your words: see what to do below\. \d+ pages? found for “dvt”\.$/,
    );
  });

  test('names a word the guide does not hold, rather than matching a shorter word it begins with', async ({
    searchPage: page,
  }) => {
    // Pagefind alone matches "calfzilla" to "calf", which is on every page.
    await typeQuery(page, 'calfzilla');
    await expect(page.locator('[data-search-status]')).toContainText('No pages found for “calfzilla”');
    await expect(page.locator('[data-search-notes]')).toHaveText('No page mentions “calfzilla”.');
    await typeQuery(page, 'calfzilla cramp');
    for (const url of (await resultUrls(page)).slice(0, 2)) expect(url, 'a page about cramp').toMatch(/cramp/);
    await expect(page.locator('[data-search-notes]')).toHaveText('No page mentions “calfzilla”.');
  });

  test('names a real word the guide lacks rather than correcting it to a guide word it looks like', async ({
    searchPage: page,
  }) => {
    await typeQuery(page, 'calf pain after hiking');
    const notes = page.locator('[data-search-notes]');
    await expect(notes).toHaveText('No page mentions “hiking”.');
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
  });

  test('corrects a misspelling, says so, and links a search for exactly what was typed', async ({
    searchPage: page,
  }) => {
    await typeQuery(page, 'gastrocnemus');
    const notes = page.locator('[data-search-notes]');
    await expect(notes).toHaveText('Showing results for gastrocnemius. Search instead for gastrocnemus.');
    expect((await resultUrls(page))[0]).toBe('/faq/which-muscles-make-up-the-calf/');
    await notes.getByRole('link', { name: 'gastrocnemus' }).click();
    await waitForResults(page, 'gastrocnemus');
    expect(new URL(page.url()).searchParams.get('exact')).toBe('1');
    await expect(notes).not.toContainText('Showing results for');
  });

  test('makes a fixed number of engine searches per query, whatever its length, and none for an unchanged query', async ({
    warmPage: page,
  }) => {
    await page.goto('/search/?bench=1');
    // Runs a query through the page's search path; answers with the count of engine searches so far.
    const calls = (q: string) =>
      page.evaluate((x) => (window as unknown as { __guideSearch(q: string): Promise<number> }).__guideSearch(x), q);
    const sectionSearches = SECTION_NAMES.length;
    expect(await calls('calf'), 'one search, and one filter search per section, once').toBe(1 + sectionSearches);
    for (const q of [
      'calf pain',
      'why do my calves hurt so much the day after a long hilly marathon in new shoes',
      'pop snap tear rupture tendon achilles heel calf muscle strain',
    ]) {
      const before = await calls('calf');
      const after = await calls(q);
      expect(after - before, q).toBeGreaterThanOrEqual(1);
      expect(after - before, q).toBeLessThanOrEqual(1 + MAX_EXTRA_SEARCHES);
      expect(await calls(q), `${q}, again`).toBe(after);
    }
  });

  test('opening /search/ preloads the engine but searches nothing until there is a query; a query fetches each engine file once', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    // The engine, its entry, metadata and WebAssembly, and the guide's words, load beside the page (preloads);
    // no index chunk or result.
    expect(requested.filter((p) => /^\/pagefind\/(index|fragment|filter)\//.test(p))).toEqual([]);
    await typeQuery(page, 'calf cramp');
    const engine = requested.filter((p) => /^\/pagefind\/[^/]+$/.test(p) || p === SEARCH_WORDS_PATH);
    expect(engine).toContain(SEARCH_WORDS_PATH);
    expect(engine.length, engine.join(', ')).toBeGreaterThan(1);
    expect(engine, 'each engine file and the words fetched once: the preloads are used').toEqual([...new Set(engine)]);
    expect(
      requested.filter((p) => p.includes('pagefind-worker')),
      'no worker script',
    ).toEqual([]);
  });

  for (const width of [375, 1280]) {
    test(`results arriving on /search/?q= shift nothing in view (CLS within 0.02) at ${width} px`, async ({
      warmPage: page,
    }) => {
      await page.setViewportSize({ width, height: width === 375 ? 667 : 800 });
      const { cls } = await watchLayoutShift(page);
      await search(page, 'calf pain');
      await expect(page.locator('.result').first()).toBeVisible();
      expect(await cls(), 'calf pain').toBeLessThanOrEqual(CLS_BUDGET);
      // A warning card, a corrected word and a word no page holds, all above the results.
      await search(page, 'dvt gastrocnemus hiking');
      await expect(page.locator('[data-search-signs] .sign-card').first()).toBeVisible();
      await expect(page.locator('[data-search-notes] p')).toHaveCount(2);
      await expect(page.locator('.result').first()).toBeVisible();
      expect(await cls(), 'dvt gastrocnemus hiking').toBeLessThanOrEqual(CLS_BUDGET);
    });
  }

  test('keeps searching while the browser refuses to rewrite the address, and writes it once allowed again', async ({
    warmPage: page,
  }) => {
    await page.addInitScript(limitHistoryWrites, 0);
    await page.goto('/search/');
    for (const q of ['ice or heat', 'calf cramp', 'ice or heat', 'calf cramp']) {
      await typeQuery(page, q);
      expect(await resultUrls(page), q).toContain(
        q === 'calf cramp' ? '/faq/why-do-my-calves-cramp/' : '/faq/should-i-use-ice-or-heat/',
      );
    }
    await page.waitForFunction(() => (window as unknown as HistoryLimit).__refused > 0);
    expect(new URL(page.url()).search, 'no write was allowed yet').toBe('');
    // WebKit's 10 s window ends: a refused write is tried again.
    await page.evaluate(() => (window as unknown as HistoryLimit).__windowEnds());
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('calf cramp');
  });

  test("after 150 searches in a row, the results follow the last query and the address settles on it, within WebKit's 100 writes", async ({
    warmPage: page,
  }) => {
    await page.addInitScript(limitHistoryWrites, 100);
    await page.goto('/search/');
    const input = page.getByLabel('Type a question or a few words');
    // A letter then Enter, 150 times: 150 searches, each for a new query.
    await input.pressSequentially('x\n'.repeat(150));
    await input.fill('');
    await input.pressSequentially('ice\n');
    await waitForResults(page, 'ice');
    expect(await resultUrls(page)).toContain('/faq/should-i-use-ice-or-heat/');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ice');
    const { __writes, __refused } = await page.evaluate(() => {
      const w = window as unknown as HistoryLimit;
      return { __writes: w.__writes, __refused: w.__refused };
    });
    // A write per settled query: far fewer than one per search, so WebKit never refuses one.
    expect(__refused, `${__writes} writes`).toBe(0);
  });

  test('an older query answering late never changes what "Show more results" adds under a newer one', async ({
    warmPage: page,
  }) => {
    await page.goto('/search/?bench=1');
    // Runs a query through the page's search path; resolves once that query is done (shown, or dropped as stale).
    const search = (q: string) =>
      page.evaluate((x) => (window as unknown as { __guideSearch(q: string): Promise<number> }).__guideSearch(x), q);
    const more = page.getByRole('button', { name: 'Show more results' });
    const showAll = async () => {
      while (await more.isVisible()) {
        const shown = await page.locator('.result').count();
        await more.click();
        await page.waitForFunction(
          (n) =>
            document.querySelectorAll('.result').length > n ||
            document.querySelector<HTMLElement>('[data-search-more]')!.hidden,
          shown,
        );
      }
      return resultUrls(page);
    };
    // The newer query, once through, so everything it needs is loaded: its results, every page of them.
    await search('calf');
    const newer = await showAll();
    expect(newer.length, 'more than one page of results').toBeGreaterThan(10);
    // The older query waits on the network (its words are in an index file not yet loaded) while the newer one runs.
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let waiting!: () => void;
    const held = new Promise<void>((r) => {
      waiting = r;
    });
    await page.route('**/pagefind/**', async (route) => {
      waiting();
      await released;
      await route.continue();
    });
    const older = search('running');
    await held;
    await search('calf');
    release();
    await older;
    await waitForResults(page, 'calf');
    expect(await showAll(), "every result is the newer query's, in its order").toEqual(newer);
  });

  test('a result followed at once keeps its query in the address Back returns to', async ({ warmPage: page }) => {
    await page.goto('/search/');
    await typeQuery(page, 'calf cramp');
    await page.locator('.result-title').first().click();
    await expect(page).not.toHaveURL(/\/search\//);
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('calf cramp');
    await waitForResults(page, 'calf cramp');
  });

  test('writes the address once per settled query, not once per keystroke', async ({ warmPage: page }) => {
    await page.addInitScript(limitHistoryWrites, 1e9);
    await page.goto('/search/');
    const input = page.getByLabel('Type a question or a few words');
    await input.pressSequentially('why do my calves cramp');
    await input.press('Enter');
    await waitForResults(page, 'why do my calves cramp');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('why do my calves cramp');
    const writes = await page.evaluate(() => (window as unknown as HistoryLimit).__writes);
    // At most one per search that finished (typing pauses may finish a few); 22 keystrokes must not mean 22 writes.
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThan('why do my calves cramp'.length / 2);
  });

  test("offline, a query says search needs a connection and never shows an older query's results", async ({
    page,
    context,
  }) => {
    await page.goto('/search/');
    await typeQuery(page, 'ice or heat');
    await context.setOffline(true);
    try {
      const input = page.getByLabel('Type a question or a few words');
      await input.fill('achilles tendon stiffness morning');
      await input.press('Enter');
      const status = page.locator('[data-search-status]');
      // Either the search ran from what was already loaded (its own results), or it says it needs a connection: never the old list.
      await expect
        .poll(
          async () =>
            (await page.locator('[data-search-results]').getAttribute('data-query')) ?? (await status.textContent()),
        )
        .toMatch(/achilles tendon stiffness morning|needs a connection/);
      if ((await status.textContent())!.includes('needs a connection'))
        await expect(page.locator('.result')).toHaveCount(0);
      expect(await resultUrls(page)).not.toContain('/faq/should-i-use-ice-or-heat/');
    } finally {
      await context.setOffline(false);
    }
  });

  test('offline before the engine loaded: says search needs a connection, then works once back online', async ({
    page,
    context,
  }) => {
    await page.goto('/search/');
    await context.setOffline(true);
    const input = page.getByLabel('Type a question or a few words');
    await input.fill('calf cramp');
    await input.press('Enter');
    await expect(page.locator('[data-search-status]')).toContainText('needs a connection');
    await expect(page.locator('.result')).toHaveCount(0);
    await context.setOffline(false);
    await input.press('Enter');
    await waitForResults(page, 'calf cramp');
    expect(await resultUrls(page)).toContain('/faq/why-do-my-calves-cramp/');
  });

  test('on a phone, a query from the header shows its first result on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto('/');
    await page.locator('#header-q').fill('calf cramp');
    await page.locator('#header-q').press('Enter');
    await waitForResults(page, 'calf cramp');
    const first = await page.locator('.result-title').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(667);
  });

  for (const q of [
    'runners knee',
    'black toenail',
    'rolled my ankle on a trail run',
    'plantar fasciitis',
    'sore hips after long runs',
    'hamstring pull',
    // Ranks below the first six on its words alone: the pinned page still comes first.
    'hip flexor strain running',
  ]) {
    test(`"${q}", an injury the guide does not cover, shows where to go first`, async ({ searchPage }) => {
      await typeQuery(searchPage, q);
      expect((await resultUrls(searchPage))[0]).toBe('/faq/where-do-i-go-for-other-running-injuries/');
    });
  }

  test('says so when nothing is found, and still offers the guide to browse', async ({ searchPage: page }) => {
    await typeQuery(page, 'zxqv wubble');
    await expect(page.locator('[data-search-status]')).toContainText('No pages found for “zxqv wubble”');
    await expect(
      page.getByRole('navigation', { name: 'Browse the guide' }).getByRole('link', { name: 'Questions runners ask' }),
    ).toBeVisible();
  });

  // Markup is the same text whichever way it arrives: typed into the loaded page. What a URL
  // can carry differently (escapes, reserved characters, length, direction marks) is also loaded from ?q=.
  const hostile: { raw: string; url: boolean }[] = [
    { raw: '<img src=x onerror="window.__pwned=1">', url: false },
    { raw: '"\'><script>window.__pwned=1</script>', url: false },
    { raw: '</ol><h1>injected</h1>', url: false },
    { raw: '${alert(1)} {{ meta.title }} %00 %3Cb%3E $& {q}', url: true },
    { raw: 'pop '.repeat(1250), url: true },
    { raw: 'x'.repeat(5000), url: true },
    { raw: '😀 ‮ calf ‭ \\ / ? # & <b>', url: true },
  ];
  for (const [i, { raw, url }] of hostile.entries()) {
    test(`hostile input ${i + 1} is shown as text and breaks nothing${url ? ', typed or loaded from ?q=' : ''}`, async ({
      searchPage,
      warmPage,
    }) => {
      const page = url ? warmPage : searchPage;
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(e.message);
      page.on('pageerror', onError);
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      const query = cleanQuery(raw);
      expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      const shownSafely = async () => {
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
        await expect(page.locator('[data-search-status]')).toContainText(query.slice(0, 20));
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page.locator('main img, main script:not([src])')).toHaveCount(0);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      };
      try {
        if (url) {
          await search(page, raw);
          await expect(page.getByLabel('Type a question or a few words')).toHaveValue(query);
          await shownSafely();
          await page.getByLabel('Type a question or a few words').fill('');
        }
        await typeQuery(page, raw);
        await shownSafely();
        expect(errors).toEqual([]);
      } finally {
        page.off('pageerror', onError);
        page.removeAllListeners('dialog');
      }
    });
  }

  test('has no accessibility violations with a warning card, results and a filter showing, light and dark', async ({
    searchPage: page,
  }) => {
    await typeQuery(page, 'felt a pop');
    const faq = page.getByRole('checkbox', { name: new RegExp(`^${COLLECTION_LABELS.faq} `) });
    try {
      await faq.check();
      await waitForResults(page, 'felt a pop');
      await expect(page.locator('.result')).not.toHaveCount(0);
      await expect(page.locator('[data-search-signs] .sign-card')).not.toHaveCount(0);
      // The search block only (a11y.spec.ts checks the page around it); all rules in light, the colour rules in dark.
      const found = await axeViolations(page, { include: '[data-guide-search]' });
      await page.emulateMedia({ colorScheme: 'dark' });
      found.push(
        ...(await axeViolations(page, { include: '[data-guide-search]', coloursOnly: true })).map((v) => `dark: ${v}`),
      );
      expect(found).toEqual([]);
    } finally {
      await page.emulateMedia({ colorScheme: null });
      await clearSections(page);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links the guide indexes', async ({ page }) => {
    await page.goto('/search/?q=felt+a+pop');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    const browse = page.getByRole('navigation', { name: 'Browse the guide' });
    for (const href of ['/faq/', '/causes/', '/treatments/'])
      await expect(browse.locator(`a[href="${href}"]`)).toBeVisible();
    const form = page.getByRole('search', { name: 'Search page' });
    await expect(form).toHaveAttribute('action', '/search/');
    await expect(form.getByRole('searchbox')).toHaveAttribute('name', 'q');
  });
});

test('content pages load no search code', async ({ page }) => {
  const scriptsOn = async (url: string) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(url);
    if (url.startsWith('/search/')) await waitForResults(page, 'ice');
    page.removeAllListeners('request');
    return requested;
  };
  const onSearch = await scriptsOn('/search/?q=ice');
  const onHome = await scriptsOn('/');
  const searchOnly = onSearch.filter((p) => p.endsWith('.js') && !onHome.includes(p));
  expect(searchOnly.some((p) => p.startsWith('/pagefind/'))).toBe(true);
  expect(searchOnly.some((p) => p.startsWith('/_astro/'))).toBe(true);
  for (const url of [
    '/',
    '/faq/',
    '/faq/can-i-run-with-sore-calves/',
    '/causes/too-much-too-soon/',
    '/treatments/ice/',
    '/red-flags/',
  ]) {
    const requested = await scriptsOn(url);
    expect(
      requested.filter((p) => searchOnly.includes(p) || p.startsWith('/pagefind/')),
      url,
    ).toEqual([]);
  }
});

/** The results shown, in order, with the section each says it is in. */
function listed(page: Page) {
  return page.locator('.result').evaluateAll((items) =>
    items.map((li) => ({
      url: li.querySelector('.result-title')!.getAttribute('href')!,
      section: li.querySelector('.result-section')?.lastChild?.textContent ?? null,
    })),
  );
}

async function showAll(page: Page) {
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await page.locator('.result').count();
    await more.click();
    await expect(page.locator('.result')).not.toHaveCount(before);
  }
}
