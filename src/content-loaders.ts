// Loaders that check the whole content folder before handing it to Astro, so
// every mistake fails content sync, which both `astro check` and `astro build`
// run, with the file, the line and the fix. Data files are parsed here, never
// from Astro's cache, so a broken file can never publish an old copy.
import fs from 'node:fs';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { checkBody, checkDataFile, checkFolder, formatProblems, parseEntry, type ParsedEntry, type Problem, type SiteIndex } from './lib/content-checks.ts';
import { DATA_FILES, ENTRY_FOLDERS, type RefCheck, type RefTarget } from './lib/content-schema.ts';
import { groupProblems, type SignGroup } from './lib/red-flag-groups.ts';
import { FIGURES } from './lib/figures.ts';
import { ENTRY_SECTIONS, FAQ_INDEX_LIST, RED_FLAG_SECTIONS } from './lib/sections.ts';
import { TIERS } from './lib/triage.ts';
import { pageRedirects } from './redirects.mjs';

const ROOT = process.cwd();
const CONTENT = 'content';

type Folder = keyof typeof ENTRY_FOLDERS;
type DataName = keyof typeof DATA_FILES;

/** Sections each entry page prints around its body (src/lib/sections.ts, src/data/guide.ts): a body heading may not reuse their ids. */
const S = ENTRY_SECTIONS;
const LAYOUT_SECTIONS: Record<Folder, [string, string][]> = {
  causes: [[S.signs.id, S.signs.title], ['what-helps', 'What helps'], ['questions', 'Questions about this']],
  treatments: [[S.cautions.id, S.cautions.title], ['what-it-helps-with', 'What it helps with'], ['questions', 'Questions about this']],
  faq: [['related-causes', 'Causes this answer draws on'], ['related-treatments', 'Treatments this answer draws on']],
};
const layoutIds = (folder: Folder) =>
  new Map<string, string>([...LAYOUT_SECTIONS[folder], [S.getHelp.id, S.getHelp.title], [S.sources.id, S.sources.title], ['main', 'main content']]);

/** What one file is checked against: the schemas with their reference checks, and the site's pages. */
export interface ContentContext {
  ref: RefCheck;
  schemas: Record<Folder, z.ZodType>;
  site: SiteIndex;
}

/** The illustrations <Figure name="..." /> can show (the only component MDX bodies have: src/components/mdx.ts). */
const FIGURE_NAMES = Object.keys(FIGURES);

interface ContentState {
  problems: Problem[];
  /** The entries of each data file, once it is valid. */
  items: Record<DataName, Record<string, unknown>[]>;
  context: ContentContext;
}

const folderOf = (file: string) => file.split('/')[1] as Folder;
const pageOf = (entry: ParsedEntry) => `/${folderOf(entry.file)}/${entry.id}/`;
const anchorsOf = (entry: ParsedEntry) => new Set([...entry.headings.map((h) => h.id), ...layoutIds(folderOf(entry.file)).keys()]);

/** Checks one MDX file's text as if it replaced that file in the checked content (its own headings count). */
export function checkEntryText(context: ContentContext, file: string, text: string): Problem[] {
  const entry = parseEntry(file, text, context.schemas[folderOf(file)]);
  const site = new Map(context.site).set(pageOf(entry), anchorsOf(entry));
  return [...entry.problems, ...checkBody(entry, layoutIds(folderOf(file)), site, FIGURE_NAMES)];
}

/** Sorted names in a folder of the project (none if it does not exist). */
const list = (root: string, rel: string) => (fs.existsSync(path.join(root, rel)) ? fs.readdirSync(path.join(root, rel)).sort() : []);

/** Static pages from src/pages (not the [param] routes), as published paths. */
function staticPages(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of list(root, dir)) {
      const rel = `${dir}/${name}`;
      if (fs.statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (!name.includes('[')) {
        const route = rel.slice('src/pages'.length).replace(/\.(astro|ts|js|md|mdx)$/, '');
        out.push(route.endsWith('/index') ? route.slice(0, -'index'.length) : /\.[a-z]+$/.test(route) ? route : `${route}/`);
      }
    }
  };
  walk('src/pages');
  return out;
}

/**
 * Reads and checks every content file together: references and links cross
 * files. `root` holds content/; `siteRoot` holds src/pages (tests check a
 * copy of the content against the real pages).
 */
export function checkContent(root = ROOT, siteRoot = root): ContentState {
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
  const problems: Problem[] = [];
  const items = {} as ContentState['items'];
  const entryFiles = (Object.keys(ENTRY_FOLDERS) as Folder[]).map((folder) => {
    const names = list(root, `${CONTENT}/${folder}`);
    problems.push(...checkFolder(`${CONTENT}/${folder}`, names));
    return { folder, names: names.filter((n) => n.endsWith('.mdx') && !n.startsWith('.')) };
  });
  // The ids each collection holds. A data file with problems of its own has none known, and references
  // to it are not checked until it is fixed: one mistake, one message, not one per page that cites it.
  const known: Record<RefTarget, Set<string> | undefined> = { causes: new Set(), treatments: new Set(), faq: new Set(), redFlags: undefined, sources: undefined };
  for (const { folder, names } of entryFiles) for (const n of names) known[folder]!.add(n.replace(/\.mdx$/, ''));
  const ref = (target: RefTarget) =>
    z.string({ error: `each ${target} reference must be an id.` }).refine((id) => known[target]?.has(id) ?? true, {
      error: (i) => `"${String(i.input)}" is not ${target === 'sources' || target === 'redFlags' ? `an id in content/${DATA_FILES[target].file}` : `a file in content/${target}/`}. Check the spelling, or add that entry first.`,
    });

  // Sources first: the other files cite them.
  for (const name of ['sources', 'redFlags', 'redFlagTiers', 'redFlagGroups'] as const) {
    const spec = DATA_FILES[name];
    const file = `${CONTENT}/${spec.file}`;
    if (!fs.existsSync(path.join(root, file))) {
      problems.push({ file, message: 'the file is missing: restore it from the last good version.' });
      items[name] = [];
      continue;
    }
    const result = checkDataFile(file, read(file), spec.schema(ref), spec.required);
    problems.push(...result.problems);
    items[name] = result.items;
    if (name === 'sources' || name === 'redFlags') known[name] = result.problems.length ? undefined : result.ids;
  }
  if (known.redFlags && items.redFlagGroups.length) {
    const file = `${CONTENT}/${DATA_FILES.redFlagGroups.file}`;
    const groups = items.redFlagGroups as unknown as SignGroup[];
    problems.push(...groupProblems(groups, [...known.redFlags]).map((message) => ({ file, message })));
  }

  const schemas: ContentContext['schemas'] = { causes: ENTRY_FOLDERS.causes(ref), treatments: ENTRY_FOLDERS.treatments(ref), faq: ENTRY_FOLDERS.faq(ref) };
  const entries: ParsedEntry[] = [];
  for (const { folder, names } of entryFiles) {
    for (const name of names) {
      const file = `${CONTENT}/${folder}/${name}`;
      const entry = parseEntry(file, read(file), schemas[folder]);
      problems.push(...entry.problems);
      entries.push(entry);
    }
  }

  const site: SiteIndex = new Map();
  for (const p of staticPages(siteRoot)) site.set(p, null);
  for (const from of Object.keys(pageRedirects)) site.set(from.endsWith('/') ? from : `${from}/`, null);
  for (const folder of Object.keys(ENTRY_FOLDERS)) site.set(`/for-clinics/${folder}/`, null);
  site.set('/red-flags/', new Set([...Object.values(RED_FLAG_SECTIONS).map((s) => s.id), ...TIERS]));
  site.set('/faq/', new Set([FAQ_INDEX_LIST.id, ...known.faq!]));
  for (const e of entries) site.set(pageOf(e), anchorsOf(e));
  for (const e of entries) problems.push(...checkBody(e, layoutIds(folderOf(e.file)), site, FIGURE_NAMES));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, items, context: { ref, schemas, site } };
}

/** One check of the whole folder per change of any content file: every collection's loader shares it. */
let cached: { key: string; state: ContentState } | undefined;
function contentState(): ContentState {
  const files = [...Object.values(DATA_FILES).map((d) => `${CONTENT}/${d.file}`), ...Object.keys(ENTRY_FOLDERS).flatMap((f) => list(ROOT, `${CONTENT}/${f}`).map((n) => `${CONTENT}/${f}/${n}`))];
  const key = files.map((f) => {
    const s = fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false });
    return `${f}:${s?.mtimeMs}:${s?.size}`;
  }).join('|');
  if (cached?.key !== key) cached = { key, state: checkContent() };
  return cached.state;
}

export class ContentError extends Error {
  /** Shown under the message on the dev server's error page. */
  hint = 'Fix the file and save it: this page then reloads. README.md, "Editing content", explains each message.';
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.stack = ''; // the message says it all: where in the loader it was thrown does not help an editor
  }
}

/**
 * Throws when any content file has a problem. In `astro dev` (a watcher is
 * present) it only logs: the dev server keeps running, and src/middleware.ts
 * shows the problems in the browser until they are fixed.
 */
function requireContent({ logger, watcher }: LoaderContext): ContentState {
  const state = contentState();
  if (state.problems.length) {
    if (!watcher) throw new ContentError(state.problems);
    logger.error(formatProblems(state.problems));
  }
  return state;
}

/** Throws when any content file has a problem: for the dev server's error page. */
export function assertContent(): void {
  const { problems } = contentState();
  if (problems.length) throw new ContentError(problems);
}

/** glob() over one MDX folder, after the whole content folder has passed its checks. */
export function checkedEntries(folder: Folder): Loader {
  const inner = glob({ pattern: '*.mdx', base: `./${CONTENT}/${folder}` });
  return {
    name: 'checked-entries',
    load: async (context: LoaderContext) => {
      requireContent(context);
      if (!context.watcher) return inner.load(context);
      // In dev a bad entry must not stop the server: the error page reports it.
      const parseData: LoaderContext['parseData'] = (props) => context.parseData(props).catch(() => props.data);
      await inner.load({ ...context, parseData });
    },
  };
}

/** A YAML data file, parsed and checked here on every sync (the store is rebuilt, never reused). */
export function checkedData(name: DataName): Loader {
  const file = `${CONTENT}/${DATA_FILES[name].file}`;
  const sync = async (context: LoaderContext) => {
    const { items } = requireContent(context);
    context.store.clear();
    for (const [i, item] of items[name].entries()) {
      const id = String(item.id);
      // The checklist shows its groups in the file's order; Astro's store sorts entries by id.
      const data = await context.parseData({ id, data: name === 'redFlagGroups' ? { ...item, order: i } : item, filePath: file });
      context.store.set({ id, data, filePath: file, digest: context.generateDigest(item) });
    }
  };
  return {
    name: 'checked-data',
    load: async (context) => {
      await sync(context);
      // Any content file can make this one valid or invalid (a source removed, an id renamed).
      context.watcher?.add(path.join(ROOT, file));
      context.watcher?.on('change', (changed) => {
        if (!path.resolve(changed).startsWith(path.join(ROOT, CONTENT) + path.sep)) return;
        sync(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}
