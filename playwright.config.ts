import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers on every machine: use the
// system Chromium when there is one.
const systemChromium = '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers on a 2-core machine: more only queue for the CPU and push
  // tests toward their timeouts. E2E_WORKERS overrides (e.g. 1 on a busy machine).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Every test is meant to finish in under a third of these on an idle 2-core machine.
  timeout: 30_000,
  expect: {
    timeout: 5_000,
    // Any visible change fails: a pixel counts as changed past Playwright's default colour threshold.
    toHaveScreenshot: { animations: 'disabled', caret: 'hide', scale: 'css', maxDiffPixels: 0 },
  },
  // Committed baselines of what a person sees (tests/e2e/what-a-person-sees.spec.ts), one folder,
  // named by state, size and colour scheme; only Chromium on Linux runs them.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    // The offline worker would answer other tests' requests from its cache and outlive each test in the
    // reused page: only tests/e2e/offline.spec.ts, in fresh contexts, lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // Serves the built site (`npm run build` first); the tests never build.
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
