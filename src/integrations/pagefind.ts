// Builds the Pagefind search index from the final HTML as the last step of
// `astro build`, through Pagefind's Node API, so `dist/` is complete after it.
// In `astro dev` it serves the index from the last build, if there is one.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import sirv from 'sirv';

export default function pagefindIndex(): AstroIntegration {
  let outDir: string;
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = `${outDir}/pagefind`;
        // dev: true re-reads the folder, so a later `npm run build` is picked up without a restart.
        const serve = sirv(bundle, { dev: true });
        server.middlewares.use('/pagefind', (req, res, next) => (existsSync(bundle) ? serve(req, res, next) : next()));
        if (!existsSync(bundle)) logger.warn('No search index in dist/pagefind: run `npm run build` once for search to work in dev.');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          logger.info(`search index written from ${added.page_count} HTML files`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
