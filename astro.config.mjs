// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { redirects } from './src/redirects.mjs';
import pagefindIndex from './src/integrations/pagefind.ts';

// Clinics that host their own copy set SITE_URL so canonical links, the
// manifest and printed QR codes point at their address.
const site = process.env.SITE_URL ?? 'https://calf-guide.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Caches live in the project, not node_modules, so checkouts can share one install.
  cacheDir: './.astro/cache',
  // assetsInlineLimit 0: page scripts stay files under /_astro/, so a strict CSP
  // (script-src 'self') needs no 'unsafe-inline'.
  vite: { cacheDir: './.astro/vite', build: { assetsInlineLimit: 0 } },
  // 'jsx' (the v7 default) can glue words together in the text Pagefind reads.
  compressHTML: true,
  redirects,
  integrations: [mdx(), sitemap(), pagefindIndex()],
});
