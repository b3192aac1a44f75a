// Pure checks of content files: frontmatter and YAML with line numbers, the
// MDX body (syntax, headings, links), folder listings. Every problem names the
// file, the line where there is one, and the fix in plain words. No file
// system and no Astro: the loaders (src/content-loaders.ts) feed these, and
// tests call them directly.
import { slug } from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { idProblem, isRealDate } from './content-schema.ts';

export interface Problem {
  /** Path from the project root, e.g. content/faq/can-i-run.mdx */
  file: string;
  line?: number;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.file}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`;

/** Every problem as one plain message, for a failed content sync. */
export const formatProblems = (problems: Problem[]) =>
  `${problems.length} content problem${problems.length === 1 ? '' : 's'} to fix before the site can build:\n` +
  problems.map((p) => `  - ${formatProblem(p)}`).join('\n');

// ---------------------------------------------------------------- folders

/** Files in an MDX folder: anything but `<id>.mdx` would be ignored or published under a broken URL. */
export function checkFolder(folder: string, names: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    if (name.startsWith('.')) continue; // editor swap files and .DS_Store are not content
    if (!name.endsWith('.mdx')) {
      const hint = name.endsWith('.md') ? ` Rename it to ${name.replace(/\.md$/, '.mdx')}.` : ' Move it out of the content folder.';
      problems.push({ file, message: `only .mdx files belong in ${folder}/: this file would be ignored and no page made from it.${hint}` });
      continue;
    }
    const problem = idProblem(name.slice(0, -'.mdx'.length));
    if (problem) problems.push({ file, message: `the file name is the page's address: ${problem} Rename the file.` });
  }
  return problems;
}

// ---------------------------------------------------------------- YAML

interface ParsedYaml {
  data: unknown;
  problems: Problem[];
  /** The line of the value at `path` (or of its nearest parent that exists). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** Parses YAML keeping dates as text, so an impossible date is caught instead of rolled over. */
export function parseYaml(source: string, file: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  // The first syntax error only: the ones after it are usually the same mistake seen again.
  const problems: Problem[] = doc.errors.slice(0, 1).map((e) => ({
    file,
    line: toLine(e.pos[0]),
    message: `the YAML cannot be read: ${yamlMessage(e.code, e.message)}`,
  }));
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
      if (node?.range) return toLine(node.range[0]);
    }
    return undefined;
  };
  return { data: problems.length ? undefined : doc.toJS(), problems, lineOf };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const fixes: Record<string, string> = {
    DUPLICATE_KEY: 'a field appears twice: keep one.',
    BAD_INDENT: 'check the indentation: fields of one item line up under each other, with spaces, not tabs.',
    MISSING_CHAR: 'a quote or bracket is not closed.',
    BLOCK_AS_IMPLICIT_KEY: 'check the indentation and that each field is written "name: value".',
    MULTILINE_IMPLICIT_KEY: 'check the indentation and that each field is written "name: value".',
    TAB_AS_INDENT: 'indent with spaces, not tabs.',
  };
  return fixes[code] ? `${first} (${fixes[code]})` : `${first}.`;
}

/** Dates written in `data` (top-level fields of one entry) that are not real YYYY-MM-DD dates. */
function dateProblems(data: Record<string, unknown>, fields: readonly string[], file: string, lineOf: ParsedYaml['lineOf'], at: PropertyKey[] = []): Problem[] {
  return fields
    .filter((f) => f in data && !(typeof data[f] === 'string' && isRealDate(data[f] as string)))
    .map((f) => ({
      file,
      line: lineOf([...at, f]),
      message: `${f} must be a real date written as YYYY-MM-DD, e.g. 2026-11-21 (got ${JSON.stringify(data[f])}).`,
    }));
}

const DATE_FIELDS = ['lastReviewed', 'nextReview'] as const;

/** Schema issues as problems, each at the line of its field. */
function schemaProblems(schema: z.ZodType, data: unknown, file: string, lineOf: ParsedYaml['lineOf'], at: PropertyKey[] = [], skip = new Set<string>()): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues
    .filter((i) => !(i.path.length === 1 && skip.has(String(i.path[0]))))
    .map((i) => {
      // An unknown field is reported on its object: point at the field itself.
      const where = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
      return { file, line: lineOf([...at, ...where]), message: fieldMessage(i.path, i.message) };
    });
}

function fieldMessage(path: readonly PropertyKey[], message: string): string {
  const [field, ...rest] = path.map(String);
  if (!field || (message.startsWith(field) && !rest.length)) return message;
  const where = rest.length ? `${field}, item ${Number(rest[0]) + 1}` : field;
  return `${where}: ${message}`;
}

// ---------------------------------------------------------------- data files

/**
 * A data file: a YAML list of entries, each with a well-formed, unique id,
 * real dates and the collection's fields. `required` ids must all be present.
 */
export function checkDataFile(file: string, source: string, schema: z.ZodType, required: readonly string[] = []): { problems: Problem[]; items: Record<string, unknown>[]; ids: Set<string> } {
  const { data, problems, lineOf } = parseYaml(source, file);
  const seen = new Map<string, number | undefined>();
  const ids = new Set(seen.keys());
  if (problems.length) return { problems, items: [], ids };
  if (data == null || (Array.isArray(data) && data.length === 0)) {
    return { problems: [{ file, message: 'the file has no entries: it must be a list of items, each starting with "- id: ...".' }], items: [], ids };
  }
  if (!Array.isArray(data)) {
    return { problems: [{ file, line: 1, message: 'the file must be a list of items, each starting with "- id: ..." (check the first line and the indentation).' }], items: [], ids };
  }
  data.forEach((item, index) => {
    const line = lineOf([index]);
    if (item == null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ file, line, message: `item ${index + 1} is not an entry with fields: check its indentation.` });
      return;
    }
    const record = item as Record<string, unknown>;
    const id = record.id;
    if (typeof id === 'string' && id) {
      if (seen.has(id)) {
        problems.push({ file, line: lineOf([index, 'id']), message: `the id "${id}" is used twice (first at line ${seen.get(id)}): every item needs its own id, or one of them will be lost.` });
      } else seen.set(id, lineOf([index, 'id']));
    }
    const dates = DATE_FIELDS.filter((f) => f in record);
    problems.push(...dateProblems(record, dates, file, lineOf, [index]));
    problems.push(...schemaProblems(schema, record, file, lineOf, [index], new Set(dateProblemsFields(record, dates))).map((p) => ({ ...p, message: typeof id === 'string' ? `"${id}": ${p.message}` : p.message })));
  });
  for (const want of required) {
    if (!seen.has(want)) problems.push({ file, message: `the entry with id "${want}" is missing: every one of ${required.join(', ')} must be listed.` });
  }
  return { problems, items: problems.length ? [] : (data as Record<string, unknown>[]), ids: new Set(seen.keys()) };
}

const dateProblemsFields = (record: Record<string, unknown>, fields: readonly string[]) =>
  fields.filter((f) => !(typeof record[f] === 'string' && isRealDate(record[f] as string)));

// ---------------------------------------------------------------- MDX entries

export interface Heading { depth: number; text: string; id: string; line: number }
export interface Link { url: string; line: number }
/** A component used in the body, e.g. <Figure name="heel-drop" />, with its text attributes. */
export interface Component { name: string; attributes: Record<string, string | undefined>; line: number }

export interface ParsedEntry {
  file: string;
  /** The id the page is published under: the file name without .mdx. */
  id: string;
  data: Record<string, unknown> | undefined;
  headings: Heading[];
  links: Link[];
  components: Component[];
  problems: Problem[];
}

/** Splits `---` frontmatter from the body; lines are 1-based in the whole file. */
export function splitFrontmatter(source: string): { frontmatter?: string; frontmatterLine: number; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return { frontmatterLine: 1, body: source, bodyLine: 1 };
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { frontmatter: m[1], frontmatterLine: 2, body: source.slice(m[0].length), bodyLine };
}

/** Parses one MDX entry: frontmatter against `schema`, the body's syntax, headings and links. */
export function parseEntry(file: string, source: string, schema: z.ZodType): ParsedEntry {
  const id = file.split('/').pop()!.replace(/\.mdx$/, '');
  const { frontmatter, frontmatterLine, body, bodyLine } = splitFrontmatter(source);
  const problems: Problem[] = [];
  let data: Record<string, unknown> | undefined;
  if (frontmatter === undefined) {
    problems.push({ file, line: 1, message: 'the frontmatter is missing: the file must start with a line "---", the fields, then another "---".' });
  } else {
    const yaml = parseYaml(frontmatter, file, frontmatterLine);
    problems.push(...yaml.problems);
    if (!yaml.problems.length) {
      if (yaml.data == null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
        problems.push({ file, line: frontmatterLine, message: 'the frontmatter must be fields written "name: value", one a line.' });
      } else {
        data = yaml.data as Record<string, unknown>;
        const dates = DATE_FIELDS.filter((f) => f in data!);
        problems.push(...dateProblems(data, dates, file, yaml.lineOf));
        problems.push(...schemaProblems(schema, data, file, yaml.lineOf, [], new Set(dateProblemsFields(data, dates))));
      }
    }
  }
  const outline = outlineBody(file, body, bodyLine);
  problems.push(...outline.problems);
  return { file, id, data, headings: outline.headings, links: outline.links, components: outline.components, problems };
}

type MdNode = { type: string; depth?: number; value?: string; url?: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[]; children?: MdNode[]; position?: { start: { line: number } } };

const textOf = (node: MdNode): string => (node.value ?? '') + (node.children ?? []).map(textOf).join('');

/** The body's headings and links; an MDX syntax error is a problem at its line. */
export function outlineBody(file: string, body: string, bodyLine = 1): { headings: Heading[]; links: Link[]; components: Component[]; problems: Problem[] } {
  const headings: Heading[] = [];
  const links: Link[] = [];
  const components: Component[] = [];
  if (!body.trim()) {
    return { headings, links, components, problems: [{ file, line: bodyLine, message: 'the page has no text: write the body below the closing "---".' }] };
  }
  let tree: MdNode;
  try {
    tree = mdxToMdast(body) as unknown as MdNode;
  } catch (error) {
    return { headings, links, components, problems: [mdxProblem(file, String((error as Error).message), bodyLine)] };
  }
  const lineAt = (n: MdNode) => (n.position?.start.line ?? 1) + bodyLine - 1;
  const walk = (node: MdNode) => {
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      headings.push({ depth: node.depth ?? 1, text, id: slug(text), line: lineAt(node) });
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url) links.push({ url: node.url, line: lineAt(node) });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes = Object.fromEntries((node.attributes ?? []).map((a) => [a.name ?? '', typeof a.value === 'string' ? a.value : undefined]));
      if (node.name === 'a' && attributes.href) links.push({ url: attributes.href, line: lineAt(node) });
      if (/^[A-Z]/.test(node.name)) components.push({ name: node.name, attributes, line: lineAt(node) });
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return { headings, links, components, problems: [] };
}

function mdxProblem(file: string, message: string, bodyLine: number): Problem {
  const m = /^(\d+):(\d+):\s*/.exec(message);
  const line = m ? Number(m[1]) + bodyLine - 1 : bodyLine;
  const text = message
    .replace(/^(\d+):(\d+):\s*/, '')
    .replace(/\s*\((?:mdx|micromark)[^)]*\)\s*$/, '')
    .replace(/\s*\(\d+:\d+\)/g, '')
    .replace(/`/g, '"');
  return {
    file,
    line,
    message: `the text cannot be read as MDX: ${text}. In MDX, "<" starts a tag and "{" starts code: close the tag (e.g. <Figure name="heel-drop" />), or write the character as &lt; or \\{ if you meant it as text.`,
  };
}

// ---------------------------------------------------------------- body rules and links

/** Published pages and, where they are known, the section ids on each. */
export type SiteIndex = Map<string, Set<string> | null>;

/**
 * The rules for a body on its page: no `#` title (the layout prints the title),
 * no heading the layout already prints, each heading id once, every link to a
 * page and section that exists.
 */
export function checkBody(entry: ParsedEntry, layoutIds: ReadonlyMap<string, string>, site: SiteIndex, figures: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  const { file } = entry;
  const seen = new Map<string, number>();
  for (const h of entry.headings) {
    if (h.depth === 1) {
      problems.push({ file, line: h.line, message: `"# ${h.text}" makes a second main title: the page's title comes from the frontmatter. Use "## ${h.text}" for a section.` });
    }
    const layout = layoutIds.get(h.id);
    if (layout) {
      problems.push({ file, line: h.line, message: `remove the heading "${h.text}": the page already prints its own "${layout}" section${h.id === 'sources' ? ' from the frontmatter field sources' : ''}.` });
    } else if (seen.has(h.id)) {
      problems.push({ file, line: h.line, message: `the heading "${h.text}" gives the same link (#${h.id}) as the heading at line ${seen.get(h.id)}: reword one so each section has its own address.` });
    } else seen.set(h.id, h.line);
  }
  for (const link of entry.links) {
    const problem = linkProblem(link.url, entry, site);
    if (problem) problems.push({ file, line: link.line, message: problem });
  }
  for (const c of entry.components) {
    if (c.name !== 'Figure') {
      problems.push({ file, line: c.line, message: `<${c.name}> is not something the guide can show: use plain Markdown, or <Figure name="..." /> for an illustration.` });
    } else if (!c.attributes.name || !figures.includes(c.attributes.name)) {
      problems.push({ file, line: c.line, message: `<Figure name="${c.attributes.name ?? ''}" /> names no illustration. Use one of: ${figures.join(', ')}.` });
    }
  }
  return problems;
}

function linkProblem(url: string, entry: ParsedEntry, site: SiteIndex): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined; // https:, mailto:, tel:
  if (!url.startsWith('/') && !url.startsWith('#')) {
    return `the link "${url}" must start from the site's root, e.g. /treatments/ice/ (or be a full https:// address).`;
  }
  const [pathAndQuery, hash] = url.split('#', 2) as [string, string | undefined];
  const path = pathAndQuery.split('?')[0] || ownPath(entry);
  if (!site.has(path)) {
    if (site.has(`${path}/`)) return `the link "${url}" needs a slash at the end of the address: ${path}/${hash ? `#${hash}` : ''}`;
    return `the link "${url}" goes to a page that does not exist. Check the address against the site's pages (e.g. /faq/<file name>/).`;
  }
  const anchors = site.get(path);
  if (hash && anchors && !hash.includes('=') && !anchors.has(hash)) {
    return `the link "${url}" goes to a section "#${hash}" that is not on ${path}. Sections there: ${[...anchors].map((a) => `#${a}`).join(', ') || 'none'}.`;
  }
  return undefined;
}

const ownPath = (entry: ParsedEntry) => `/${entry.file.split('/').slice(-2, -1)[0]}/${entry.id}/`;

