// Adds the URLs of the current build to tests/published-urls.json, the list
// of every URL the guide has published. tests/e2e/urls.spec.ts fails when a
// build stops serving one of them, unless src/redirects.mjs sends it somewhere
// that is served.
//
//   npm run build && npm run urls:update             add new pages and sections
//   npm run build && npm run urls:update -- --prune  start the list again from this build:
//                                                    only before the guide is first published
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { manifestUrls, type LinkManifest } from '../src/lib/manifest.ts';
import { readRedFlags } from './lib/content-data.ts';

const LIST = 'tests/published-urls.json';
const MANIFEST = 'dist/links.json';
/** Published files that are not pages. */
const FILES = ['/links.json', '/robots.txt', '/sitemap-index.xml'];

const { values } = parseArgs({ options: { prune: { type: 'boolean', default: false } } });
if (!fs.existsSync(MANIFEST)) {
  console.error(`${MANIFEST} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as LinkManifest;
const before: string[] = !values.prune && fs.existsSync(LIST) ? JSON.parse(fs.readFileSync(LIST, 'utf8')).urls : [];
const urls = [...new Set([...before, ...FILES, ...manifestUrls(manifest)])].sort();

const list = {
  about:
    'Every URL the guide has published. Never remove one: add a redirect in src/redirects.mjs instead. Updated by `npm run urls:update`.',
  urls,
};
fs.writeFileSync(LIST, `${JSON.stringify(list, null, 2)}\n`);
const added = urls.filter((u) => !before.includes(u));
console.log(`${LIST}: ${urls.length} URLs, ${added.length} new${values.prune ? ' (list started again)' : ''}.`);

// Warning-sign ids are published too, in every #check= link: add today's.
const SIGNS = 'tests/published-sign-ids.json';
const signIds = readRedFlags().map((f) => f.id);
const signList = JSON.parse(fs.readFileSync(SIGNS, 'utf8')) as { about: string; ids: string[] };
const allIds = [...new Set([...signList.ids, ...signIds])].sort();
fs.writeFileSync(SIGNS, `${JSON.stringify({ ...signList, ids: allIds }, null, 2)}\n`);
console.log(`${SIGNS}: ${allIds.length} sign ids, ${allIds.length - signList.ids.length} new.`);
