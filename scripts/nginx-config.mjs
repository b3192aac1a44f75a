// Regenerates deploy/nginx/calf-guide.conf (see scripts/lib/nginx.mjs).
// Usage: node scripts/nginx-config.mjs
import { writeFileSync } from 'node:fs';
import { pageRedirects } from '../src/redirects.mjs';
import { readHeaderRules } from './lib/headers.mjs';
import { nginxSite } from './lib/nginx.mjs';

const out = new URL('../deploy/nginx/calf-guide.conf', import.meta.url);
writeFileSync(
  out,
  nginxSite({
    rules: readHeaderRules(new URL('../public/_headers', import.meta.url).pathname),
    redirects: pageRedirects,
  }),
);
console.log(`Wrote ${out.pathname}`);
