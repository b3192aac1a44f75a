// The guide's content as a Starlight site, for `BENCH_STARLIGHT=1 npm run
// bench`: the yardstick of architecture.md's build budget ("CPU per 1,000
// pages <= 1.2x Starlight's on the same machine").
//
// Starlight is installed once into a cache folder outside the project
// (~/.cache/calf-guide-bench/starlight-<version>-astro-<version>), never into
// package.json or the project's node_modules, with the same Astro version as
// the guide. Each bench gets its own temporary Starlight project in a
// subfolder of that install.
//
// What is the same: every cause, treatment and FAQ body as written (the
// site's <Figure> illustrations become a line of plain text, as Starlight has
// no such component), and the same generated FAQ entries. What is Starlight's
// own: its layout, sidebar, table of contents, Expressive Code, sitemap and
// Pagefind index. The sidebar lists the guide's own entries, not the
// generated ones, as the guide's header does: with 10,000 links on each page
// the comparison would measure a sidebar no site would ship.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readContentPages } from './lib/content-data.ts';
import { GENERATED_PREFIX } from './lib/generated-pages.ts';

export const STARLIGHT_VERSION = '0.42.4';
const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;
const CACHE = path.join(
  os.homedir(),
  '.cache',
  'calf-guide-bench',
  `starlight-${STARLIGHT_VERSION}-astro-${ASTRO_VERSION}`,
);

const PACKAGE = {
  private: true,
  type: 'module',
  dependencies: { astro: ASTRO_VERSION, '@astrojs/starlight': STARLIGHT_VERSION },
};

/** Installs Starlight and Astro into the cache folder, once. */
function installStarlight(log: (msg: string) => void): void {
  if (fs.existsSync(path.join(CACHE, 'node_modules/@astrojs/starlight/package.json'))) return;
  log(`installing @astrojs/starlight@${STARLIGHT_VERSION} with astro@${ASTRO_VERSION} into ${CACHE}`);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(
    path.join(CACHE, 'package.json'),
    JSON.stringify({ ...PACKAGE, allowScripts: { esbuild: true } }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CACHE, stdio: 'inherit' });
}

const CONFIG = (sidebar: unknown) => `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: process.env.SITE_URL,
  integrations: [starlight({ title: 'Sore calves guide', sidebar: ${JSON.stringify(sidebar)} })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A new temporary Starlight project (config only; `writeStarlightDocs` adds the pages). */
export function starlightProject(log: (msg: string) => void): string {
  installStarlight(log);
  // Inside the install folder, so Node and Vite find its node_modules as a parent folder's
  // (a symlinked node_modules outside the project confuses Astro's compiler cache).
  const dir = fs.mkdtempSync(path.join(CACHE, 'site-'));
  // Its dependencies listed as a real site's are: Astro bundles the packages a project names (Starlight's `astro:` imports).
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(PACKAGE));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
  return dir;
}

const yamlString = (s: unknown) => JSON.stringify(String(s));

/**
 * Writes the causes, treatments and FAQ of `contentDir` (the guide's, plus any
 * generated entries) as Starlight docs under `dir`, replacing what was there,
 * and the config with a sidebar of the guide's own entries. Returns the page count.
 */
export function writeStarlightDocs(dir: string, contentDir: string): number {
  const docs = path.join(dir, 'src/content/docs');
  fs.rmSync(docs, { recursive: true, force: true });
  const pages = readContentPages(contentDir);
  const groups = { causes: 'Causes', treatments: 'Treatments', faq: 'Questions' } as const;
  for (const collection of Object.keys(groups)) fs.mkdirSync(path.join(docs, collection), { recursive: true });
  fs.writeFileSync(
    path.join(docs, 'index.mdx'),
    '---\ntitle: Sore calves guide\n---\n\nWhy calves get sore after running, what helps, and when to get help.\n',
  );
  for (const p of pages) {
    const title = p.data.title ?? p.data.question;
    const description = p.data.summary ?? p.data.shortAnswer;
    const body = p.body.replace(
      /<Figure name="([^"]+)" \/>/g,
      (_, name: string) => `Illustration: ${name.replaceAll('-', ' ')}.`,
    );
    fs.writeFileSync(
      path.join(docs, p.collection, `${p.id}.mdx`),
      `---\ntitle: ${yamlString(title)}\ndescription: ${yamlString(description)}\n---\n${body}`,
    );
  }
  const sidebar = Object.entries(groups).map(([collection, label]) => ({
    label,
    items: pages
      .filter((p) => p.collection === collection && !p.id.startsWith(GENERATED_PREFIX))
      .map((p) => `${collection}/${p.id}`),
  }));
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG(sidebar));
  return pages.length + 1;
}
