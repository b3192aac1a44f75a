// The second half of `npm run build`, run once `astro build` has exited (package.json: `astro build && node
// scripts/finish-build.ts`): the gate on every page, the Pagefind index with search-words.json, then the
// offline worker, which lists dist/ with the index in it. In a process of its own because Astro's holds the
// whole rendered site until it exits: at +10,000 pages, Pagefind's process running beside it took the build
// past 5 GB (README, "Measured"). Each step reads dist/ from disk, one file at a time.
import path from 'node:path';
import { styleText } from 'node:util';
import { gateSite, type StepLogger } from '../src/integrations/site-gate.ts';
import { indexSite } from '../src/integrations/pagefind.ts';
import { finishOffline } from '../src/integrations/service-worker.ts';
import { resolveSiteUrl } from '../src/lib/site-url.ts';

const root = process.cwd();
const dist = path.join(root, 'dist');

/** Lines like Astro's own log ("14:02:11 [site-gate] ..."), so the build reads as one log. */
const logger = (label: string): StepLogger => {
  const time = () => styleText('dim', new Date().toTimeString().slice(0, 8));
  return {
    info: (message) => console.log(`${time()} ${styleText('blue', `[${label}]`)} ${message}`),
    warn: (message) => console.warn(`${time()} ${styleText('yellow', `[WARN] [${label}] ${message}`)}`),
  };
};

try {
  // The same address astro.config.mjs builds with (it has already warned if SITE_URL is unset).
  gateSite(dist, root, new URL(resolveSiteUrl(process.env.SITE_URL).site).origin, logger('site-gate'));
  await indexSite(dist, root, logger('pagefind-index'));
  await finishOffline(dist, logger('service-worker'));
} catch (error) {
  console.error(
    styleText('red', `The build stopped after Astro: ${error instanceof Error ? error.message : String(error)}`),
  );
  process.exit(1);
}
