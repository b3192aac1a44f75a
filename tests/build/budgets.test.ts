// Size budgets from the architecture that a parser checks on the built output, gzipped (1 kB = 1,000 bytes).
// What a page loads in the browser (JS, CSS, fonts) is measured there: tests/e2e/budgets.spec.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import {
  BUDGETS,
  distDir,
  PAGEFIND_DIR,
  formatBytes,
  gzipSize,
  gzippedTotal,
  pageScripts,
  pageStylesheets,
  readPages,
  siteStylesheets,
} from '../../scripts/lib/built-site.ts';
import { PAGEFIND_UI_FILES } from '../../src/integrations/pagefind.ts';
import { planBuiltSite } from '../../src/integrations/service-worker.ts';
import { formatDownload } from '../../src/lib/offline.ts';

const pages = readPages();

// The <meta> copy of the Content-Security-Policy header (issue 21: for hosts that ignore _headers) is the
// header, not the page: about 100 bytes gzipped, counted here only in the diagnostic.
const withoutPolicy = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

test(`the HTML of every page is at most ${formatBytes(BUDGETS.html)} gzipped`, (t) => {
  const sizes = pages.map((p) => ({ url: p.url, gz: gzipSize(withoutPolicy(p.html)) })).sort((a, b) => b.gz - a.gz);
  const policy = Math.max(...pages.map((p) => gzipSize(p.html) - gzipSize(withoutPolicy(p.html))));
  t.diagnostic(`the <meta> policy adds at most ${policy} bytes gzipped to a page, not counted`);
  t.diagnostic(
    `largest: ${sizes
      .slice(0, 3)
      .map((s) => `${s.url} ${formatBytes(s.gz)}`)
      .join(', ')}`,
  );
  assert.deepEqual(
    sizes.filter((s) => s.gz > BUDGETS.html).map((s) => `${s.url}: ${formatBytes(s.gz)}`),
    [],
  );
});

test(`all of the site's own CSS together is at most ${formatBytes(BUDGETS.css)} gzipped`, (t) => {
  const own = siteStylesheets();
  const total = gzippedTotal(own);
  t.diagnostic(`site CSS: ${own.length} file(s), ${formatBytes(total)}`);
  assert.ok(own.length > 0, 'the build has a stylesheet');
  assert.ok(total <= BUDGETS.css, `site CSS is ${formatBytes(total)}`);
});

test("Pagefind's ready-made UI bundles are not published, and no page asks for one", () => {
  const loaded = pages.flatMap((p) =>
    [...pageStylesheets(p), ...pageScripts(p)]
      .filter((u) => PAGEFIND_UI_FILES.some((f) => u === `${PAGEFIND_DIR}${f}`))
      .map((u) => `${p.url}: ${u}`),
  );
  assert.deepEqual(loaded, []);
  assert.deepEqual(
    PAGEFIND_UI_FILES.filter((f) => fs.existsSync(path.join(distDir(), 'pagefind', f))),
    [],
  );
});

test(`registering the offline worker adds at most ${formatBytes(BUDGETS.serviceWorkerJs)} to a content page, and to the start page with its "Save the guide for offline" button`, async (t) => {
  // The registration shares every page's script file with copy-link: measured on its own, minified as the build does.
  const out = await build({
    entryPoints: ['src/scripts/register-worker.ts'],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    define: { 'import.meta.env.DEV': 'false' },
  });
  const registration = gzipSize(Buffer.from(out.outputFiles[0]!.contents));
  const everyPage = pageScripts(pages.find((p) => p.url === '/faq/')!);
  const button = gzippedTotal(pageScripts(pages.find((p) => p.url === '/')!).filter((src) => !everyPage.includes(src)));
  t.diagnostic(`the registration: ${formatBytes(registration)}; the start page's save button: ${formatBytes(button)}`);
  assert.ok(registration > 0);
  assert.ok(registration + button <= BUDGETS.serviceWorkerJs, `${formatBytes(registration + button)}`);
});

test(`saving the guide for offline downloads at most ${formatBytes(BUDGETS.offlineSave)} gzipped, and the button says how much`, (t) => {
  const { save, saveBytes } = planBuiltSite(distDir());
  t.diagnostic(`the offline save: ${save.length} files, ${formatBytes(saveBytes)}`);
  assert.ok(saveBytes <= BUDGETS.offlineSave, formatBytes(saveBytes));
  for (const url of ['/', '/for-clinics/']) {
    assert.match(
      pages.find((p) => p.url === url)!.html,
      new RegExp(`data-save-size[^>]*>${formatDownload(saveBytes)}<`),
      url,
    );
  }
});
