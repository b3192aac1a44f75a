// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { pageRedirects } from './src/redirects.mjs';
import devSearchIndex from './src/integrations/pagefind.ts';
import redirectStubs from './src/integrations/redirect-stubs.ts';
import { OFFLINE_PAGE } from './src/lib/offline.ts';
import { placeholderWarning, resolveSiteUrl } from './src/lib/site-url.ts';
import { BUILD_TARGET } from './src/site.ts';

// Clinics that host their own copy set SITE_URL so canonical links, the
// manifest and printed QR codes point at their address. A SITE_URL the guide
// cannot be built for (a path, not http) stops here with a plain message.
const { site, isPlaceholder } = resolveSiteUrl(process.env.SITE_URL);

/** A production build without SITE_URL says where its printed addresses will point. */
const siteUrlWarning = {
  name: 'site-url-warning',
  hooks: {
    /** @param {{ logger: import('astro').AstroIntegrationLogger }} options */
    'astro:build:start': ({ logger }) => {
      if (isPlaceholder) logger.warn(placeholderWarning());
    },
  },
};

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Astro's Node logger without its one line per built file (src/integrations/quiet-logger.ts).
  logger: { entrypoint: new URL('./src/integrations/quiet-logger.ts', import.meta.url) },
  // Caches live in the project, not node_modules, so checkouts can share one install.
  cacheDir: './.astro/cache',
  // A strict Content-Security-Policy (public/_headers) allows stylesheets
  // from files only: never inline one into the page.
  build: { inlineStylesheets: 'never' },
  vite: {
    cacheDir: './.astro/vite',
    // Page scripts stay files under /_astro/, never inlined, so a strict
    // Content-Security-Policy (script-src 'self') needs no 'unsafe-inline'.
    // target: the oldest browsers the guide supports (src/site.ts), so no
    // emitted script uses syntax one of them cannot parse.
    build: {
      assetsInlineLimit: 0,
      target: BUILD_TARGET,
      rolldownOptions: {
        // Astro marks every MDX page "use astro:head-inject" and Rolldown warns once per file that it may not
        // keep it (a known upstream issue, https://github.com/withastro/astro/issues/18087): ~400 lines that
        // bury real warnings such as a missing SITE_URL. Only that directive's warning is dropped.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
          handler(level, log);
        },
      },
    },
  },
  // 'jsx' (the v7 default) can glue words together in the text Pagefind reads.
  compressHTML: true,
  redirects: pageRedirects,
  // The gate, the search index and the offline worker run after `astro build` has exited, in `npm run build`
  // (scripts/finish-build.ts), so they never add to Astro's memory; devSearchIndex() serves that index in dev.
  integrations: [
    mdx(),
    sitemap({ filter: (page) => new URL(page).pathname !== OFFLINE_PAGE }),
    redirectStubs(),
    devSearchIndex(),
    siteUrlWarning,
  ],
});
