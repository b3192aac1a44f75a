// The browser tests' `page`: one per worker, reused. A new browser context
// starts a new renderer process, which costs more than most tests here (1 to
// 3 s on a busy 2-core machine, against 0.2 s for a navigation). So each
// worker keeps one page with JavaScript and one without, and every test gets
// the one it asks for (`test.use({ javaScriptEnabled: false })` still works),
// reset first: no page, listeners, routes or permissions left over from the
// test before, default viewport and media.
import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Ends the page shown, so that a link differing from it only in its #hash
 * loads afresh. It goes to a plain file of the site, not about:blank: leaving
 * the site's origin and headers would make Chromium start a new renderer
 * process at the next page (the site sends Cross-Origin-Opener-Policy), which
 * costs more than most tests.
 */
export async function leavePage(page: Page): Promise<void> {
  await page.goto('/robots.txt');
}

interface WorkerPages {
  withJs?: Page;
  withoutJs?: Page;
}

export const test = base.extend<object, { workerPages: WorkerPages }>({
  workerPages: [
    // Playwright reads a fixture's dependencies from this pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pages: WorkerPages = {};
      await use(pages);
      for (const page of Object.values(pages)) await page.context().close();
    },
    { scope: 'worker' },
  ],

  page: async (
    {
      workerPages,
      browser,
      baseURL,
      javaScriptEnabled,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      serviceWorkers,
    },
    use,
  ) => {
    const key = javaScriptEnabled === false ? 'withoutJs' : 'withJs';
    let page = workerPages[key];
    if (!page || page.isClosed()) {
      page = await browser.newPage({
        baseURL,
        javaScriptEnabled: javaScriptEnabled !== false,
        userAgent,
        deviceScaleFactor,
        isMobile,
        hasTouch,
        serviceWorkers,
      });
      workerPages[key] = page;
    }
    await leavePage(page);
    page.removeAllListeners();
    await page.unrouteAll();
    await page.context().clearPermissions();
    // media: null, not 'screen': page.pdf() prints with the print stylesheet only when no media is emulated.
    await page.emulateMedia({
      media: null,
      colorScheme: 'light',
      forcedColors: 'none',
      reducedMotion: 'no-preference',
    });
    await page.setViewportSize(viewport ?? { width: 1280, height: 720 });
    await use(page);
  },

  context: async ({ page }, use) => {
    await use(page.context());
  },
});
