// Loaders that check the whole content folder before handing it to Astro, so
// every mistake fails content sync, which both `astro check` and `astro build`
// run, with the file, the line and the fix. Data files are parsed here, never
// from Astro's cache, so a broken file can never publish an old copy.
import fs from 'node:fs';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  checkBody,
  checkDataFile,
  checkFolder,
  formatProblems,
  formatWarnings,
  invisibleCharacters,
  parseEntry,
  parseYaml,
  plainTextProblems,
  type ParsedEntry,
  type Problem,
  type SiteIndex,
} from './lib/content-checks.ts';
import { DATA_FILES, ENTRY_FOLDERS, type RefCheck, type RefTarget } from './lib/content-schema.ts';
import { groupProblems, type SignGroup } from './lib/red-flag-groups.ts';
import { FIGURES } from './lib/figures.ts';
import { CLINIC_SHEETS_FILE, readClinicSheets } from './lib/clinic-sheets.ts';
import {
  linkTargets,
  reservedSections,
  siteMap,
  UNLISTED_PAGES,
  type SiteMapEntry,
  type SiteMapInput,
  type SitePage,
} from './lib/site-map.ts';
import type { Tier } from './lib/triage.ts';
import { isValidId } from './lib/urls.ts';
import { checkSearchTerms as checkTermsAgainstPages, parseSearchTerms, SEARCH_TERMS_FILE } from './lib/search-terms.ts';
import { buildVocabulary, parseVocabulary, wordCounts, type Vocabulary } from './lib/search-vocabulary.ts';
import { forms } from './lib/search-tokens.ts';
import { correctWord } from './lib/spelling.ts';
import { lostSignIds } from './lib/sign-renames.ts';
import { DATA_READER_FIELDS, dataText, mdxText, ruleProblems } from './lib/content-rules.ts';

/** Every warning-sign id ever published in a #check= link. */
export const PUBLISHED_SIGN_IDS = 'tests/published-sign-ids.json';
import { pageRedirects, redirects as allRedirects } from './redirects.mjs';

const ROOT = process.cwd();
const CONTENT = 'content';

type Folder = keyof typeof ENTRY_FOLDERS;
type DataName = keyof typeof DATA_FILES;

/** What one file is checked against: the schemas with their reference checks, and the site map's input. */
export interface ContentContext {
  ref: RefCheck;
  schemas: Record<Folder, z.ZodType>;
  /** What the site map is made from, and the addresses links may use besides its pages. */
  siteInput: SiteMapInput;
  signIds: Set<string> | undefined;
  redirects: string[];
  /** The day review dates are checked against. */
  today: Date;
}

/** The illustrations <Figure name="..." /> can show (the only component MDX bodies have: src/components/mdx.ts). */
const FIGURE_NAMES = Object.keys(FIGURES);

interface ContentState {
  problems: Problem[];
  /** Every page and its sections, made from this parse (src/lib/site-map.ts). */
  siteMap: SitePage[];
  /** The entries of each data file, once it is valid. */
  items: Record<DataName, Record<string, unknown>[]>;
  context: ContentContext;
}

const folderOf = (file: string) => file.split('/')[1] as Folder;
const pageOf = (entry: ParsedEntry) => `/${folderOf(entry.file)}/${entry.id}/`;

/** What the site map needs of one parsed entry (its fields as written; a field with a problem counts as empty). */
function mapEntry(entry: ParsedEntry): SiteMapEntry {
  const data = entry.data ?? {};
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    collection: folderOf(entry.file),
    id: entry.id,
    title: String(data.title ?? data.question ?? entry.id),
    order: typeof data.order === 'number' ? data.order : 0,
    headings: entry.headings.map((h) => ({ depth: h.depth, id: h.id, title: h.text })),
    cautions: Array.isArray(data.cautions) && data.cautions.length > 0,
    causes: ids(data.causes),
    treatments: ids(data.treatments),
  };
}

/** Where links may go: the site map's pages and sections (src/lib/site-map.ts), each sign's #check=, redirects. */
function siteIndex(input: SiteMapInput, signIds: Set<string> | undefined, redirects: string[]): SiteIndex {
  const site = linkTargets(siteMap(input), signIds ?? [], redirects);
  // red-flags.yaml has problems of its own: which tiers have signs is not known, so its sections are not checked.
  if (!signIds) site.set('/red-flags/', null);
  return site;
}

/** Checks one MDX file's text as if it replaced that file in the checked content (its own headings count). */
export function checkEntryText(context: ContentContext, file: string, text: string): Problem[] {
  const entry = parseEntry(file, text, context.schemas[folderOf(file)], context.today);
  const mapped = mapEntry(entry);
  const entries = [
    ...context.siteInput.entries.filter((e) => e.collection !== mapped.collection || e.id !== mapped.id),
    mapped,
  ];
  const site = siteIndex({ ...context.siteInput, entries }, context.signIds, context.redirects);
  return [...entry.problems, ...checkBody(entry, reservedSections(mapped.collection), site, FIGURE_NAMES)];
}

/** Sorted names in a folder of the project (none if it does not exist). */
const list = (root: string, rel: string) =>
  fs.existsSync(path.join(root, rel)) ? fs.readdirSync(path.join(root, rel)).sort() : [];

/**
 * Reads and checks every content file together: references and links cross
 * files. `root` holds content/; `siteRoot` holds src/pages (tests check a
 * copy of the content against the real pages).
 */
export function checkContent(
  root = ROOT,
  siteRoot = root,
  today = new Date(),
  redirects: Record<string, string> = pageRedirects,
): ContentState {
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
  const known: Record<RefTarget, Set<string> | undefined> = {
    causes: new Set(),
    treatments: new Set(),
    faq: new Set(),
    redFlags: undefined,
    sources: undefined,
  };
  for (const { folder, names } of entryFiles) for (const n of names) known[folder]!.add(n.replace(/\.mdx$/, ''));
  const ref = (target: RefTarget) =>
    z.string({ error: `each ${target} reference must be an id.` }).refine((id) => known[target]?.has(id) ?? true, {
      error: (i) =>
        `"${String(i.input)}" is not ${target === 'sources' || target === 'redFlags' ? `an id in content/${DATA_FILES[target].file}` : `a file in content/${target}/`}. Check the spelling, or add that entry first.`,
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
    const result = checkDataFile(file, read(file), spec.schema(ref), spec.required, today);
    problems.push(...result.problems);
    items[name] = result.items;
    if (name === 'sources' || name === 'redFlags')
      known[name] = result.problems.some((p) => !p.warning) ? undefined : result.ids;
  }
  if (known.redFlags) {
    const file = `${CONTENT}/${DATA_FILES.redFlags.file}`;
    const byOrder = new Map<number, string>();
    for (const sign of items.redFlags as { id: string; order: number }[]) {
      const other = byOrder.get(sign.order);
      if (other)
        problems.push({
          file,
          line: lineMatching(read(file), new RegExp(`^- id: ${sign.id}\\s*$`)),
          message: `"${sign.id}": order ${sign.order} is also the order of "${other}": give each sign its own place in the checklist.`,
        });
      else byOrder.set(sign.order, sign.id);
    }
  }
  if (known.redFlags) {
    const listed = path.join(siteRoot, PUBLISHED_SIGN_IDS);
    const published: string[] = fs.existsSync(listed) ? JSON.parse(fs.readFileSync(listed, 'utf8')).ids : [];
    const file = `${CONTENT}/${DATA_FILES.redFlags.file}`;
    problems.push(...lostSignIds(published, known.redFlags).map((message) => ({ file, message })));
  }
  if (known.redFlags && items.redFlagGroups.length) {
    const file = `${CONTENT}/${DATA_FILES.redFlagGroups.file}`;
    const groups = items.redFlagGroups as unknown as SignGroup[];
    problems.push(...groupProblems(groups, [...known.redFlags]).map((message) => ({ file, message })));
  }

  const schemas: ContentContext['schemas'] = {
    causes: ENTRY_FOLDERS.causes(ref),
    treatments: ENTRY_FOLDERS.treatments(ref),
    faq: ENTRY_FOLDERS.faq(ref),
  };
  const entries: ParsedEntry[] = [];
  for (const { folder, names } of entryFiles) {
    for (const name of names) {
      const file = `${CONTENT}/${folder}/${name}`;
      const entry = parseEntry(file, read(file), schemas[folder], today);
      problems.push(...entry.problems);
      entries.push(entry);
    }
  }

  const siteInput: SiteMapInput = {
    entries: entries.filter((e) => isValidId(e.id)).map(mapEntry), // a bad file name has its own problem
    signs: (items.redFlags as { id: string; tier: Tier }[]).map(({ id, tier }) => ({ id, tier })),
    tiers: (items.redFlagTiers as { id: Tier; prefix: string; heading: string }[]).map(({ id, prefix, heading }) => ({
      id,
      prefix,
      heading,
    })),
  };
  const pages = siteMap(siteInput);
  // A redirect from a live page would replace it with a redirect stub: the page would vanish without a word.
  const live = new Set([...pages.map((p) => p.url), ...UNLISTED_PAGES]);
  for (const [from, to] of Object.entries(redirects)) {
    const page = from.endsWith('/') ? from : `${from}/`;
    if (live.has(page))
      problems.push({
        file: 'src/redirects.mjs',
        message: `"${from}" is redirected to "${to}", but it is a live page (${entries.find((e) => pageOf(e) === page)?.file ?? `src/pages${page}`}): the build would replace the page with the redirect. Remove the redirect, or the page.`,
      });
  }
  const site = siteIndex(siteInput, known.redFlags, Object.keys(redirects));
  for (const e of entries) problems.push(...checkBody(e, reservedSections(folderOf(e.file)), site, FIGURE_NAMES));
  problems.push(
    ...sameTitles(entries, read),
    ...lostSections(siteRoot, entries, site, { ...allRedirects, ...redirects }),
  );
  // What a reader reads of each entry, worked out once for the brief's rules and for search's words.
  const plain = new Map(
    entries.filter((e) => e.data).map((e) => [e.file, mdxText(read(e.file).replace(/\r\n/g, '\n'))]),
  );
  problems.push(...briefRules(entries, items, read, plain));
  problems.push(...checkSearchTerms(root, known.redFlags, pages, searchableText(entries, items, plain)));
  // Clinic sheets name pages and signs: checked here so `npm run check` catches a renamed one (src/lib/clinic-sheets.ts).
  if (fs.existsSync(path.join(root, CLINIC_SHEETS_FILE)))
    problems.push(...readClinicSheets(read(CLINIC_SHEETS_FILE), site, known.redFlags).problems);
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    problems,
    items,
    siteMap: pages,
    context: { ref, schemas, siteInput, signIds: known.redFlags, redirects: Object.keys(redirects), today },
  };
}

/** Line of the first line matching `pattern` in a file's text (1-based), for messages about whole entries. */
const lineMatching = (text: string, pattern: RegExp) =>
  text.split('\n').findIndex((l) => pattern.test(l)) + 1 || undefined;

/** The reader-facing fields of a data file (src/lib/content-rules.ts), for the brief's rules and search's words. */
const readerFields = (name: DataName) => DATA_READER_FIELDS[DATA_FILES[name].file] ?? [];

/** The content brief's rules (src/lib/content-rules.ts) over every page and data file that reads cleanly. */
function briefRules(
  entries: ParsedEntry[],
  items: ContentState['items'],
  read: (rel: string) => string,
  plain: Map<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, raw: string, text: string, selfCare: boolean) => {
    for (const message of ruleProblems(text, selfCare, raw, file)) {
      // The line of the quoted sentence, found by its first words where Markdown did not change them.
      const quoted = /: "([^"]+)"$/.exec(message)?.[1] ?? '';
      const words = quoted.split(/\s+/).slice(0, 4).join(' ');
      problems.push({
        file,
        line: words ? lineMatching(raw, new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))) : undefined,
        message,
      });
    }
  };
  for (const e of entries) if (e.data && !e.problems.length) add(e.file, read(e.file), plain.get(e.file)!, true);
  for (const name of Object.keys(DATA_FILES) as DataName[]) {
    const file = `${CONTENT}/${DATA_FILES[name].file}`;
    const text = dataText(items[name], readerFields(name));
    if (text) add(file, read(file), text, false);
  }
  return problems;
}

/** Two pages with one title: usually a page copied as a start and not yet changed. */
function sameTitles(entries: ParsedEntry[], read: (rel: string) => string): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const e of entries) {
    const title = String(e.data?.title ?? e.data?.question ?? '')
      .trim()
      .toLowerCase();
    if (!title) continue;
    const first = seen.get(title);
    if (first)
      problems.push({
        file: e.file,
        line: lineMatching(read(e.file), /^(title|question):/),
        message: `the title "${e.data?.title ?? e.data?.question}" is also used by ${first}: give each page its own title and summary.`,
      });
    else seen.set(title, e.file);
  }
  return problems;
}

/** Every published section link of an entry page (tests/published-urls.json) still has its heading, or a redirect. */
function lostSections(
  siteRoot: string,
  entries: ParsedEntry[],
  site: SiteIndex,
  redirects: Record<string, string>,
): Problem[] {
  const listed = path.join(siteRoot, 'tests/published-urls.json');
  if (!fs.existsSync(listed)) return [];
  const published: string[] = JSON.parse(fs.readFileSync(listed, 'utf8')).urls;
  const byPage = new Map(entries.map((e) => [pageOf(e), e]));
  const problems: Problem[] = [];
  for (const url of published) {
    const [page, anchor] = url.split('#', 2) as [string, string | undefined];
    const entry = byPage.get(page);
    if (!anchor || !entry || site.get(page)?.has(anchor) || url in redirects || page in redirects) continue;
    problems.push({
      file: entry.file,
      message: `the published section link ${url} no longer exists (a heading was reworded or removed): clinic links and printouts use it. Keep a heading that gives #${anchor}, or add "${url}" to src/redirects.mjs with the section it became.`,
    });
  }
  return problems;
}

/** The words the guide's pages hold for search: each entry's reader-facing text, keywords and phrases; the signs and tiers. */
function searchableText(entries: ParsedEntry[], items: ContentState['items'], plain: Map<string, string>): string[] {
  const strings = (...values: unknown[]) =>
    values
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join(' ');
  return [
    ...entries
      .filter((e) => e.data)
      .map((e) => `${plain.get(e.file)} ${strings(e.data!.keywords, e.data!.searchPhrases)}`),
    ...(['redFlags', 'redFlagTiers'] as const).flatMap((name) =>
      items[name].map((item) => strings(...readerFields(name).map((k) => item[k]))),
    ),
  ];
}

/**
 * content/search-terms.yaml, which the search index reads at build time: its
 * shape, its sign ids, each synonym's guide words (held by some page) and each
 * pinned page (in the site map), with file and line.
 */
function checkSearchTerms(root: string, signs: Set<string> | undefined, pages: SitePage[], texts: string[]): Problem[] {
  const file = SEARCH_TERMS_FILE;
  if (!fs.existsSync(path.join(root, file))) return [];
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  const { data, problems, lineOf } = parseYaml(source, file);
  problems.unshift(...invisibleCharacters(file, source));
  if (data === undefined) return problems;
  problems.push(...plainTextProblems(data, file, lineOf));
  // Searches are compared in lowercase, with apostrophes dropped ("cant"): a word written otherwise never matches.
  const words = (value: unknown, at: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const fixed = value.toLowerCase().replace(/['’‘]/g, '');
      if (fixed !== value)
        problems.push({
          file,
          line: lineOf(at),
          message: `"${value}" must be written "${fixed}": search words are lowercase, without apostrophes, or they never match.`,
        });
    } else if (Array.isArray(value)) value.forEach((v, i) => words(v, [...at, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (at[0] !== 'signs' || at.length > 1) words(k, at.length ? at : [k]);
        words(v, [...at, k]);
      }
    }
  };
  words(data, []);
  if (!signs) return problems; // red-flags.yaml has its own problems: its ids are not known
  try {
    const terms = parseSearchTerms(data, [...signs], file);
    // Every word a page holds, not the published vocabulary, which is capped (a large site drops rare words).
    const counts = wordCounts(texts, terms.filler);
    const { pagesWith } = counts;
    // Uncapped for the same reason; built only if a pinned phrase needs a correction.
    let vocabulary: Vocabulary | undefined;
    const corrects = (word: string) =>
      correctWord(word, (vocabulary ??= parseVocabulary(buildVocabulary(texts, terms.filler, Infinity, counts)))) !==
      '';
    const urls = new Set(pages.map((p) => p.url));
    try {
      checkTermsAgainstPages(
        terms,
        (word) => pagesWith.has(word),
        (page) => urls.has(page),
        source,
        file,
        (word) => forms(word).some((f) => pagesWith.has(f)) || corrects(word),
      );
    } catch (error) {
      // One "file:line: why" a line, from checkTermsAgainstPages.
      for (const m of (error as Error).message.matchAll(/^[^:\n]+:(\d+): (.*)$/gm))
        problems.push({ file, line: Number(m[1]) || undefined, message: m[2]! });
    }
  } catch (error) {
    // "file: key.path: why", from parseSearchTerms
    const [, key = '', why = String(error)] = /^[^:]+: ([^:]+): ([\s\S]*)$/.exec((error as Error).message) ?? [];
    // The line of the key itself (the value of a sign's entry starts on the next line).
    const lines = source.split('\n');
    let keyLine = 0;
    for (const part of key.split('.'))
      keyLine = lines.findIndex((l, i) => i >= keyLine && l.trimStart().startsWith(`${part}:`)) + 1;
    problems.push({
      file,
      line: keyLine || lineOf(key.split('.')),
      message: `${key}: ${why}${/[.]$/.test(why) ? '' : '.'}`,
    });
  }
  return problems;
}

/** One check of the whole folder per change of any content file: every collection's loader shares it. */
let cached: { key: string; state: ContentState } | undefined;
function contentState(): ContentState {
  const files = [
    CLINIC_SHEETS_FILE,
    ...Object.values(DATA_FILES).map((d) => `${CONTENT}/${d.file}`),
    SEARCH_TERMS_FILE,
    ...Object.keys(ENTRY_FOLDERS).flatMap((f) => list(ROOT, `${CONTENT}/${f}`).map((n) => `${CONTENT}/${f}/${n}`)),
  ];
  const key = files
    .map((f) => {
      const s = fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false });
      return `${f}:${s?.mtimeMs}:${s?.size}`;
    })
    .join('|');
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
  const errors = state.problems.filter((p) => !p.warning);
  const warnings = state.problems.filter((p) => p.warning);
  // Every collection's loader shares one state: warn once per change, not once per collection.
  if (warnings.length && !warned.has(state)) {
    warned.add(state);
    logger.warn(formatWarnings(warnings));
  }
  if (errors.length) {
    if (!watcher) throw new ContentError(errors);
    logger.error(formatProblems(errors));
  }
  return state;
}
const warned = new WeakSet<ContentState>();

/** Throws when any content file has a problem: for the dev server's error page. */
export function assertContent(): void {
  const errors = contentState().problems.filter((p) => !p.warning);
  if (errors.length) throw new ContentError(errors);
}

/**
 * glob() over one MDX folder, after the whole content folder has passed its checks. Bodies are not kept in
 * the store: nothing reads them (a page renders its entry's MDX module), and the store is bundled into the
 * build, so 10,000 bodies would be parsed by the bundler and held in memory for nothing.
 */
export function checkedEntries(folder: Folder): Loader {
  const inner = glob({ pattern: '*.mdx', base: `./${CONTENT}/${folder}`, retainBody: false });
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

/**
 * Runs `sync`, and in `astro dev` again whenever a content file changes, is added or removed: any content
 * file can change what a collection made from the whole folder holds (a source removed, an id renamed).
 */
async function syncOnContentChange(context: LoaderContext, sync: (context: LoaderContext) => Promise<void>) {
  await sync(context);
  for (const event of ['change', 'add', 'unlink'] as const)
    context.watcher?.on(event, (changed) => {
      if (!path.resolve(changed).startsWith(path.join(ROOT, CONTENT) + path.sep)) return;
      sync(context).catch((error: Error) => context.logger.error(error.message));
    });
}

/** A YAML data file, parsed and checked here on every sync (the store is rebuilt, never reused). */
export function checkedData(name: DataName): Loader {
  const file = `${CONTENT}/${DATA_FILES[name].file}`;
  return {
    name: 'checked-data',
    load: async (context) => {
      context.watcher?.add(path.join(ROOT, file));
      await syncOnContentChange(context, async () => {
        const { items } = requireContent(context);
        context.store.clear();
        for (const [i, item] of items[name].entries()) {
          const id = String(item.id);
          // The checklist shows its groups in the file's order; Astro's store sorts entries by id.
          const data = await context.parseData({
            id,
            data: name === 'redFlagGroups' ? { ...item, order: i } : item,
            filePath: file,
          });
          context.store.set({ id, data, filePath: file, digest: context.generateDigest(item) });
        }
      });
    },
  };
}

/**
 * Every cause's, treatment's and question's body headings (id `collection/id`), from the check's own parse:
 * the ids its links were checked against, and the ones the rendered page prints (tests/build/pages.test.ts).
 * The build's site map reads them here instead of rendering every body for its headings, which at 10,000
 * entries loaded every MDX module at once and held them all (issue 22). Rebuilt on every sync.
 */
export function entryHeadings(): Loader {
  return {
    name: 'entry-headings',
    load: (context) =>
      syncOnContentChange(context, async () => {
        const { siteInput } = requireContent(context).context;
        context.store.clear();
        for (const entry of siteInput.entries) {
          const id = `${entry.collection}/${entry.id}`;
          const data = await context.parseData({ id, data: { headings: entry.headings } });
          context.store.set({ id, data, digest: context.generateDigest(data) });
        }
      }),
  };
}
