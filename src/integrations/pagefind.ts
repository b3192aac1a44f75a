// Builds the Pagefind search index from the final HTML through Pagefind's Node
// API, in `npm run build` once `astro build` has exited (scripts/finish-build.ts):
// Pagefind's process holds its whole index, and Astro's still held the rendered
// site. In `astro dev` the integration serves the index from the last build, if
// there is one.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import { SEARCH_WORDS_PATH } from '../lib/search-vocabulary.ts';
import { ENGINE_TAG_PLACEHOLDER, enginePreloads } from '../lib/search.ts';
import { parseSearchTerms, SEARCH_TERMS_FILE } from '../lib/search-terms.ts';
import { readContentYaml, readRedFlags } from '../../scripts/lib/content-data.ts';
import { buildSearchWords, ENGLISH_WORDS_FILE, parseEnglishWords } from '../lib/search-words.ts';
import { indexedText } from './indexed-text.ts';
import type { StepLogger } from './site-gate.ts';

/**
 * The text of every indexed page under the built site. One page's HTML in
 * memory at a time: at 10,000 pages, all of it at once would be half a gigabyte.
 */
async function indexedPages(site: string): Promise<string[]> {
  const files = (await readdir(site, { recursive: true })).filter(
    (f) => f.endsWith('.html') && !f.startsWith('pagefind'),
  );
  const texts: string[] = [];
  for (const f of files) {
    const text = indexedText(await readFile(path.join(site, f), 'utf8'));
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * Writes what the search page needs besides the index, in one small file: the
 * guide's vocabulary (for spelling corrections), content/search-terms.yaml
 * (synonyms and warning-sign phrases; src/content-loaders.ts has checked it) and
 * the English words the guide lacks that look like its words.
 */
export async function writeSearchWords(site: string, root: string): Promise<number> {
  const content = path.join(root, 'content');
  const terms = parseSearchTerms(
    readContentYaml(path.basename(SEARCH_TERMS_FILE), content),
    readRedFlags(content).map((f) => f.id),
  );
  const english = parseEnglishWords(await readFile(path.join(root, ENGLISH_WORDS_FILE), 'utf8'));
  const out = buildSearchWords(await indexedPages(site), terms, english);
  await writeFile(path.join(site, SEARCH_WORDS_PATH), JSON.stringify(out));
  return out.words.split(' ').length;
}

/**
 * Preloads the engine and the guide's words on the search page (the engine's
 * files are named by this build's index), so they load beside the page's own
 * script, not after it, and tells the page the index's tag.
 */
async function preloadEngine(site: string) {
  const page = path.join(site, 'search', 'index.html');
  if (!existsSync(page)) return;
  const { tag, links } = enginePreloads(
    JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')),
  );
  const html = await readFile(page, 'utf8');
  const placeholder = `data-engine="${ENGINE_TAG_PLACEHOLDER}"`;
  if (!html.includes(placeholder) || !html.includes('</head>'))
    throw new Error(`${page}: no ${placeholder} or </head> to preload the search engine from`);
  await writeFile(
    page,
    html
      .replace(placeholder, `data-engine="${tag}"`)
      .replace('</head>', `${links}<link rel="preload" href="${SEARCH_WORDS_PATH}" as="fetch" crossorigin></head>`),
  );
}

/**
 * Pagefind's ready-made interfaces: the guide has its own search page and loads
 * none of them (nothing in src/ names them), so they are not published.
 */
export const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
] as const;

/** Writes dist/pagefind (without the UI bundles), preloads the engine on the search page, writes search-words.json. */
export async function indexSite(site: string, root: string, logger: StepLogger): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    logger.info(`search index written from ${added.page_count} HTML files`);
    await Promise.all(PAGEFIND_UI_FILES.map((f) => rm(path.join(site, 'pagefind', f), { force: true })));
    await preloadEngine(site);
  } finally {
    // Pagefind's process holds its whole index (over a gigabyte at 10,000 pages): end it before reading the pages again.
    await pagefind.close();
  }
  // A site without the guide's content (the test fixtures) has no search terms to write.
  if (existsSync(path.join(root, SEARCH_TERMS_FILE)))
    logger.info(`search vocabulary: ${await writeSearchWords(site, root)} words`);
}

/** `astro dev`: serves dist/pagefind, the index of the last `npm run build`. */
export default function devSearchIndex(): AstroIntegration {
  let outDir: string;
  return {
    name: 'dev-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = `${outDir}/pagefind`;
        // dev: true re-reads the folder, so a later `npm run build` is picked up without a restart.
        const serve = sirv(bundle, { dev: true });
        server.middlewares.use('/pagefind', (req, res, next) => (existsSync(bundle) ? serve(req, res, next) : next()));
        if (!existsSync(bundle))
          logger.warn('No search index in dist/pagefind: run `npm run build` once for search to work in dev.');
      },
    },
  };
}
