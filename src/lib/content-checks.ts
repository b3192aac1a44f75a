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
import { splitFrontmatter } from './frontmatter.ts';

export interface Problem {
  /** Path from the project root, e.g. content/faq/can-i-run.mdx */
  file: string;
  line?: number;
  message: string;
  /** Published anyway, but said: an http: link, a page past its review date. */
  warning?: boolean;
}

export const formatProblem = (p: Problem) =>
  `${p.file}${p.line ? ` (line ${p.line})` : ''}: ${p.warning ? 'warning: ' : ''}${p.message}`;

/** Every problem as one plain message, for a failed content sync. */
export const formatProblems = (problems: Problem[]) =>
  `${problems.length} content problem${problems.length === 1 ? '' : 's'} to fix before the site can build:\n` +
  problems.map((p) => `  - ${formatProblem(p)}`).join('\n');

/** Warnings: the site builds, but an editor should act. */
export const formatWarnings = (warnings: Problem[]) =>
  `${warnings.length} content warning${warnings.length === 1 ? '' : 's'} (the site still builds):\n` +
  warnings.map((p) => `  - ${formatProblem(p)}`).join('\n');

// ---------------------------------------------------------------- characters and URLs

/** Characters that look like a space (or nothing) but are not one: they break ids, fields and search. */
const INVISIBLE: Record<string, string> = {
  '\u00a0': 'a non-breaking space',
  '\u00ad': 'a soft hyphen',
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\ufeff': 'a zero-width no-break space (byte order mark)',
  '\u202f': 'a narrow non-breaking space',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};
for (let c = 0x2000; c <= 0x200a; c++) INVISIBLE[String.fromCharCode(c)] = 'a typographic space';
const INVISIBLE_RE = new RegExp(`[${Object.keys(INVISIBLE).join('')}]`, 'g');

/** Each invisible character in `source`, named with its line and column (the file's first character is line `firstLine`). */
export function invisibleCharacters(file: string, source: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(INVISIBLE_RE)) {
      const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({
        file,
        line: i + firstLine,
        message: `column ${m.index + 1} holds ${INVISIBLE[m[0]]} (U+${code}), which looks like ${m[0] === '\u00ad' ? 'nothing' : 'a space'} but is not one (it is usually pasted from a word processor or web page). Delete it${m[0] === '\u00ad' ? '' : ' and type an ordinary space if one is needed'}: "${text.slice(Math.max(0, m.index - 15), m.index).trimStart()}⟦here⟧${text.slice(m.index + 1, m.index + 16).trimEnd()}".`,
      });
    }
  });
  return problems;
}

/** Schemes a link may use. http: works but is warned: the reader leaves HTTPS. */
const LINK_SCHEMES = new Set(['https:', 'tel:', 'mailto:']);

/** An address as a browser reads it: tabs, newlines and control characters dropped ("java\tscript:" is javascript:). */
// eslint-disable-next-line no-control-regex -- these are the very characters browsers drop
const asBrowsersRead = (raw: string) => raw.replace(/[\u0000-\u0020]/g, '');

/**
 * What is wrong with an address outside the site, or undefined when it is fine
 * or a path on the site (checked against the pages separately). `use` is what
 * the address does: a link the reader follows, or a file the page loads (an
 * image), which must come from this site.
 */
export function addressProblem(raw: string, use: 'link' | 'load'): { message: string; warning?: boolean } | undefined {
  const url = asBrowsersRead(raw);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  if (use === 'load') {
    if (scheme || url.startsWith('//') || url.startsWith('\\')) {
      return {
        message: `"${raw}" would load a file from ${scheme && scheme !== 'http' && scheme !== 'https' ? `a "${scheme}:" address` : 'another site'}: the guide loads nothing from other sites (readers' privacy, and a strict security policy). Save the file in the project and use its path on this site, or link to the page instead.`,
      };
    }
    return undefined;
  }
  if (url.startsWith('//') || url.startsWith('\\')) {
    return { message: `the link "${raw}" has no scheme: write the full address starting with https://.` };
  }
  if (!scheme) return undefined;
  if (LINK_SCHEMES.has(`${scheme}:`)) return undefined;
  if (scheme === 'http')
    return {
      message: `the link "${raw}" uses http://, which is not private: use https:// if the site offers it.`,
      warning: true,
    };
  return {
    message: `the link "${raw}" uses "${scheme}:", which the guide does not allow (it can run code or open another program). Links must start with https://, tel: or mailto:, or be a path on this site such as /red-flags/.`,
  };
}

/** Markup in a plain-text field prints as it is written: "[NHS 111](https://...)" reaches the reader as those characters. */
function markupIn(text: string): string | undefined {
  if (/\[[^\]\n]*\]\([^)\n]*\)/.test(text)) return 'a Markdown link';
  if (/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>|<[a-z][a-z0-9+.-]*:[^>\s]*>/i.test(text)) return 'an HTML tag';
  // Two letters at least: "A&E;" in a sentence is not a reference.
  if (/&(?:[a-z][a-z0-9]+|#\d+|#x[0-9a-f]+);/i.test(text)) return 'an HTML character reference';
  if (/\*\*[^*]+\*\*|__[^_]+__/.test(text)) return 'Markdown bold';
  return undefined;
}

/**
 * Every text value in `data` is plain text: no Markdown or HTML (it would print
 * as written), and a `url` field is an address a reader may follow.
 */
export function plainTextProblems(
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  at: PropertyKey[] = [],
  name = (path: PropertyKey[]) =>
    path
      .map((p, i) => (typeof p === 'number' ? `item ${p + 1}` : i ? `.${String(p)}` : String(p)))
      .join(' ')
      .replace(/ \./g, '.'),
): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const key = path.at(-1);
      const field = name(path);
      if (key === 'url') {
        const problem = addressProblem(value, 'link');
        if (problem)
          problems.push({
            file,
            line: lineOf([...at, ...path]),
            message: `${field}: ${problem.message}`,
            warning: problem.warning,
          });
        return;
      }
      if (/^[“‘„][\s\S]*[”’“]$/.test(value.trim())) {
        problems.push({
          file,
          line: lineOf([...at, ...path]),
          message: `${field} is wrapped in curly quotes (${value.trim()[0]} ${value.trim().at(-1)}), which YAML keeps as part of the text, so readers would see them. Use straight quotes "..." or none.`,
        });
        return;
      }
      const markup = markupIn(value);
      if (markup) {
        problems.push({
          file,
          line: lineOf([...at, ...path]),
          message: `${field} holds ${markup}, but this field is plain text: the reader would see the characters as written. Write the words only.`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date))
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(data, []);
  return problems;
}

// ---------------------------------------------------------------- folders

/** Files in an MDX folder: anything but `<id>.mdx` would be ignored or published under a broken URL. */
export function checkFolder(folder: string, names: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    if (name.startsWith('.')) continue; // editor swap files and .DS_Store are not content
    if (!name.endsWith('.mdx')) {
      const hint = name.endsWith('.md')
        ? ` Rename it to ${name.replace(/\.md$/, '.mdx')}.`
        : ' Move it out of the content folder.';
      problems.push({
        file,
        message: `only .mdx files belong in ${folder}/: this file would be ignored and no page made from it.${hint}`,
      });
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
  /** Whether the value at `path` is written without quotes. */
  isPlain: (path: readonly PropertyKey[]) => boolean;
}

/** Parses YAML keeping dates as text, so an impossible date is caught instead of rolled over. */
export function parseYaml(source: string, file: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const lines = source.split('\n');
  // A tab in the indentation reads as a different structure, or as the parser's jargon: name it first.
  const tab = lines.findIndex((l) => /^ *\t/.test(l));
  // The first syntax error only: the ones after it are usually the same mistake seen again.
  const problems: Problem[] =
    tab >= 0 && doc.errors.length
      ? [
          {
            file,
            line: tab + firstLine,
            message:
              'the YAML cannot be read: this line is indented with a tab. YAML needs spaces: replace the tab with spaces, lining the field up with its neighbours.',
          },
        ]
      : doc.errors.slice(0, 1).map((e) => {
          const line = toLine(e.pos[0]);
          const curly = /[“”‘’]/.test(lines[line - firstLine] ?? '');
          return {
            file,
            line,
            message: curly
              ? 'the YAML cannot be read: this line has curly quotes (“ ” ‘ ’), which YAML does not treat as quotes, so a colon or comma inside them splits the text. Use straight quotes ("...") around the text, or none.'
              : `the YAML cannot be read: ${yamlMessage(e.code, e.message)}`,
          };
        });
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
      if (node?.range) return toLine(node.range[0]);
    }
    return undefined;
  };
  // " #" after a value starts a YAML comment: the rest of the line is dropped without a word.
  if (!problems.length) {
    lines.forEach((text, i) => {
      const m = /^\s*(?:- +)?(?:[\w-]+: +)?([^\s"'#[{|>-][^#]*?) #/.exec(text);
      if (m && !/^\s*#/.test(text)) {
        problems.push({
          file,
          line: i + firstLine,
          message: `the text ends "...${m[1].slice(-30)}": everything after " #" is a YAML comment and is dropped. Put the whole text in double quotes ("..."), or write the words without "#".`,
        });
      }
    });
  }
  const isPlain = (path: readonly PropertyKey[]) =>
    (doc.getIn(path as unknown[], true) as { type?: string } | undefined)?.type === 'PLAIN';
  return { data: problems.length ? undefined : doc.toJS(), problems, lineOf, isPlain };
}

/**
 * Astro reads frontmatter with YAML timestamps: unquoted text that looks like a
 * date (title: 2026-11-21) becomes a date there, and fails only in the build.
 */
function dateLikeText(data: Record<string, unknown>, yaml: ParsedYaml, file: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (/^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/.test(value) && yaml.isPlain(path)) {
        problems.push({
          file,
          line: yaml.lineOf(path),
          message: `${path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p))).join(', ')}: "${value}" reads as a date, not text: put it in double quotes ("${value}").`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  for (const [k, v] of Object.entries(data)) if (!(DATE_FIELDS as readonly string[]).includes(k)) visit(v, [k]);
  return problems;
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

const DATE_FIELDS = ['lastReviewed', 'nextReview'] as const;

/** Today as YYYY-MM-DD in UTC, the way content dates are written. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Review dates against today: a review in the future cannot have happened (an
 * error); a next review that has passed is a warning, and the page tells readers.
 */
export function reviewProblems(
  record: Record<string, unknown>,
  file: string,
  lineOf: ParsedYaml['lineOf'],
  today: Date,
  at: PropertyKey[] = [],
  what = 'the page',
): Problem[] {
  const day = isoDay(today);
  const problems: Problem[] = [];
  const { lastReviewed: last, nextReview: next } = record;
  if (typeof last === 'string' && isRealDate(last) && last > day) {
    problems.push({
      file,
      line: lineOf([...at, 'lastReviewed']),
      message: `lastReviewed ${last} is after today (${day}): a review cannot have happened yet. Write the date the review was done.`,
    });
  }
  if (typeof next === 'string' && isRealDate(next) && next < day) {
    problems.push({
      file,
      line: lineOf([...at, 'nextReview']),
      warning: true,
      message: `${what} was due for review on ${next}, and readers are told it is overdue. Review it, then set lastReviewed to the day of the review and nextReview to the next one.`,
    });
  }
  return problems;
}

/** Schema issues as problems, each at the line of its field. */
function schemaProblems(
  schema: z.ZodType,
  data: unknown,
  file: string,
  lineOf: ParsedYaml['lineOf'],
  at: PropertyKey[] = [],
): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => {
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
export function checkDataFile(
  file: string,
  source: string,
  schema: z.ZodType,
  required: readonly string[] = [],
  today?: Date,
): { problems: Problem[]; items: Record<string, unknown>[]; ids: Set<string> } {
  const { data, problems: syntax, lineOf } = parseYaml(source, file);
  const problems = [...invisibleCharacters(file, source), ...syntax];
  const seen = new Map<string, number | undefined>();
  const ids = new Set(seen.keys());
  if (syntax.length) return { problems, items: [], ids };
  if (data == null || (Array.isArray(data) && data.length === 0)) {
    return {
      problems: [
        ...problems,
        { file, message: 'the file has no entries: it must be a list of items, each starting with "- id: ...".' },
      ],
      items: [],
      ids,
    };
  }
  if (!Array.isArray(data)) {
    return {
      problems: [
        ...problems,
        {
          file,
          line: 1,
          message:
            'the file must be a list of items, each starting with "- id: ..." (check the first line and the indentation).',
        },
      ],
      items: [],
      ids,
    };
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
        problems.push({
          file,
          line: lineOf([index, 'id']),
          message: `the id "${id}" is used twice (first at line ${seen.get(id)}): every item needs its own id, or one of them will be lost.`,
        });
      } else seen.set(id, lineOf([index, 'id']));
    }
    problems.push(
      ...plainTextProblems(record, file, lineOf, [index]).map((p) => ({
        ...p,
        message: typeof id === 'string' ? `"${id}": ${p.message}` : p.message,
      })),
    );
    if (today)
      problems.push(
        ...reviewProblems(
          record,
          file,
          lineOf,
          today,
          [index],
          typeof id === 'string' ? `"${id}"` : `item ${index + 1}`,
        ),
      );
    problems.push(
      ...schemaProblems(schema, record, file, lineOf, [index]).map((p) => ({
        ...p,
        message: typeof id === 'string' ? `"${id}": ${p.message}` : p.message,
      })),
    );
  });
  for (const want of required) {
    if (!seen.has(want))
      problems.push({
        file,
        message: `the entry with id "${want}" is missing: every one of ${required.join(', ')} must be listed.`,
      });
  }
  return {
    problems,
    items: problems.some((p) => !p.warning) ? [] : (data as Record<string, unknown>[]),
    ids: new Set(seen.keys()),
  };
}

// ---------------------------------------------------------------- MDX entries

export interface Heading {
  depth: number;
  text: string;
  id: string;
  line: number;
}
export interface Link {
  url: string;
  line: number;
}
/** A component used in the body, e.g. <Figure name="heel-drop" />, with its text attributes. */
export interface Component {
  name: string;
  attributes: Record<string, string | undefined>;
  line: number;
}

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

/** Parses one MDX entry: frontmatter against `schema`, the body's syntax, headings and links. */
export function parseEntry(file: string, source: string, schema: z.ZodType, today?: Date): ParsedEntry {
  const id = file
    .split('/')
    .pop()!
    .replace(/\.mdx$/, '');
  const problems: Problem[] = [];
  if (source.startsWith('\ufeff')) {
    problems.push({
      file,
      line: 1,
      message:
        'the file starts with an invisible byte order mark (BOM), so its first line is not "---". Save the file as "UTF-8" without BOM (in most editors: Save with encoding, UTF-8).',
    });
    source = source.slice(1);
  }
  problems.push(...invisibleCharacters(file, source));
  const { frontmatter, frontmatterLine, body, bodyLine } = splitFrontmatter(source);
  let data: Record<string, unknown> | undefined;
  if (frontmatter === undefined) {
    problems.push(frontmatterProblem(file, source));
  } else {
    if (/^---\s*(\n|$)/.test(frontmatter))
      problems.push({
        file,
        line: frontmatterLine,
        message: 'this is a second "---": the frontmatter starts with one line "---". Delete this one.',
      });
    const yaml = parseYaml(frontmatter, file, frontmatterLine);
    problems.push(...yaml.problems);
    if (!yaml.problems.length) {
      if (yaml.data == null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
        problems.push({
          file,
          line: frontmatterLine,
          message: 'the frontmatter must be fields written "name: value", one a line.',
        });
      } else {
        data = yaml.data as Record<string, unknown>;
        problems.push(...plainTextProblems(data, file, yaml.lineOf), ...dateLikeText(data, yaml, file));
        if (today) problems.push(...reviewProblems(data, file, yaml.lineOf, today));
        problems.push(...schemaProblems(schema, data, file, yaml.lineOf));
      }
    }
  }
  const outline = outlineBody(file, body, bodyLine);
  problems.push(...outline.problems);
  return { file, id, data, headings: outline.headings, links: outline.links, components: outline.components, problems };
}

/** Why the frontmatter was not found: never there, not closed, or not on the first line. */
function frontmatterProblem(file: string, source: string): Problem {
  const lines = source.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && lines[first].trim() === '---') {
    if (first > 0)
      return {
        file,
        line: 1,
        message: `the frontmatter must start on the first line: delete the ${first} empty line${first === 1 ? '' : 's'} above the first "---".`,
      };
    if (lines[0] !== '---')
      return { file, line: 1, message: 'the first line must be exactly "---": delete the spaces around it.' };
    const close = lines.findIndex((l, i) => i > 0 && /^-{3,}\s*$/.test(l));
    if (close > 0)
      return {
        file,
        line: close + 1,
        message: 'the line closing the frontmatter must be exactly "---" (three hyphens, nothing else).',
      };
    return {
      file,
      line: 1,
      message: 'the frontmatter is not closed: add a line "---" after the last field, before the page\'s text.',
    };
  }
  return {
    file,
    line: 1,
    message: 'the frontmatter is missing: the file must start with a line "---", the fields, then another "---".',
  };
}

type MdNode = {
  type: string;
  depth?: number;
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
};

const textOf = (node: MdNode): string => (node.value ?? '') + (node.children ?? []).map(textOf).join('');

/** The body's headings and links; an MDX syntax error is a problem at its line. */
export function outlineBody(
  file: string,
  body: string,
  bodyLine = 1,
): { headings: Heading[]; links: Link[]; components: Component[]; problems: Problem[] } {
  const headings: Heading[] = [];
  const links: Link[] = [];
  const components: Component[] = [];
  if (!body.trim()) {
    return {
      headings,
      links,
      components,
      problems: [{ file, line: bodyLine, message: 'the page has no text: write the body below the closing "---".' }],
    };
  }
  let tree: MdNode;
  try {
    tree = mdxToMdast(body) as unknown as MdNode;
  } catch (error) {
    return { headings, links, components, problems: [mdxProblem(file, String((error as Error).message), bodyLine)] };
  }
  const lineAt = (n: MdNode) => (n.position?.start.line ?? 1) + bodyLine - 1;
  const problems: Problem[] = [];
  const walk = (node: MdNode) => {
    // MDX is a program: ESM and {expressions} run at build time. The guide's bodies are documents.
    if (node.type === 'mdxjsEsm') {
      const word = /^\s*(import|export)/.exec(node.value ?? '')?.[1] ?? 'import';
      problems.push({
        file,
        line: lineAt(node),
        message: `a line starting "${word} " is code, which runs when the site is built: page text cannot contain code. Delete the line${word === 'import' ? ' (<Figure name="..." /> needs no import)' : ''}, or if it is a sentence, reword it so it does not start with "${word}".`,
      });
    }
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node.value ?? '')) {
      problems.push({
        file,
        line: lineAt(node),
        message: `"{${clip(node.value ?? '')}}" is code, which runs when the site is built: page text cannot contain code. Write the words themselves, or write \\{ for a brace meant as text.`,
      });
    }
    if (node.type === 'image') {
      const problem = node.url ? addressProblem(node.url, 'load') : undefined;
      problems.push({
        file,
        line: lineAt(node),
        message: problem
          ? `the image ${problem.message}`
          : 'Markdown images are not used: an illustration is <Figure name="..." /> with a name from src/lib/figures.ts (ask a developer to add one).',
      });
    }
    if (node.type === 'code') {
      problems.push({
        file,
        line: lineAt(node),
        message:
          'this text would show as computer code (a line starting with 4 spaces or a tab, or a ``` fence): delete the spaces or the ``` lines.',
      });
    }
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      problems.push({
        file,
        line: lineAt(node),
        message:
          'footnotes are not used: cite a source by adding it to content/sources.yaml and to sources in the frontmatter.',
      });
    }
    if (
      node.type === 'link' &&
      !textOf(node).trim() &&
      !(node.children ?? []).some((c) => c.type === 'image' || c.type.startsWith('mdxJsx'))
    ) {
      problems.push({
        file,
        line: lineAt(node),
        message: `the link to ${node.url} has no text, so readers (and screen readers) cannot see it: write what it links to between the [ ].`,
      });
    }
    if (node.type === 'link' && /^(click here|here|this|this link|link|more|read more)$/i.test(textOf(node).trim())) {
      problems.push({
        file,
        line: lineAt(node),
        warning: true,
        message: `the link text "${textOf(node).trim()}" does not say where it goes: use the name of the page, e.g. [the warning signs checklist](/red-flags/).`,
      });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !node.name) {
      problems.push({ file, line: lineAt(node), message: '"<>" is an empty tag: delete it (and its closing "</>").' });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      for (const a of node.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute') {
          problems.push({
            file,
            line: lineAt(node),
            message: `<${node.name}> has "{${clip(String(a.value ?? ''))}}", which is code: write attributes as name="text" only.`,
          });
        } else if (/^on/i.test(a.name ?? '')) {
          problems.push({
            file,
            line: lineAt(node),
            message: `<${node.name}> has "${a.name}", an event handler that runs script in the reader's browser: delete it. Pages cannot contain script.`,
          });
        } else if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
          problems.push({
            file,
            line: lineAt(node),
            message: `<${node.name} ${a.name}={...}> is code: write the value as text in quotes, e.g. ${a.name}="...".`,
          });
        }
      }
      if (!/^[A-Z]/.test(node.name)) {
        const hint =
          node.name === 'a'
            ? ' Write a link as [the words](/red-flags/).'
            : node.name === 'img'
              ? ' An illustration is <Figure name="..." />.'
              : ['strong', 'b'].includes(node.name)
                ? ' Write **bold** instead.'
                : ['em', 'i'].includes(node.name)
                  ? ' Write _italics_ instead.'
                  : '';
        problems.push({
          file,
          line: lineAt(node),
          message: `<${node.name}> is HTML, which page text cannot contain (it could run script or load files from other sites): use Markdown.${hint}`,
        });
      }
    }
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      const line = lineAt(node);
      if (node.position && node.position.end.line > node.position.start.line) {
        problems.push({
          file,
          line: line + 1,
          message: `a line of "---" or "===" straight under text makes that text a heading ("${clip(text)}"). The guide does not use dividers: delete the line, or leave an empty line above it.`,
        });
      } else if (!text) {
        problems.push({
          file,
          line,
          message: 'this heading has no words: write the heading after the #s, or delete the line.',
        });
      }
      headings.push({ depth: node.depth ?? 1, text, id: slug(text), line });
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url)
      links.push({ url: node.url, line: lineAt(node) });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes = Object.fromEntries(
        (node.attributes ?? []).map((a) => [a.name ?? '', typeof a.value === 'string' ? a.value : undefined]),
      );
      if (node.name === 'a' && attributes.href) links.push({ url: attributes.href, line: lineAt(node) });
      if (/^[A-Z]/.test(node.name)) components.push({ name: node.name, attributes, line: lineAt(node) });
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  problems.push(...structureProblems(file, tree.children ?? [], lineAt));
  return { headings, links, components, problems };
}

/** Heading levels that skip one, and sections with nothing in them. */
function structureProblems(file: string, nodes: MdNode[], lineAt: (n: MdNode) => number): Problem[] {
  const problems: Problem[] = [];
  let previous = 1; // the page's own title is the h1
  nodes.forEach((node, i) => {
    if (node.type !== 'heading' || !node.depth || node.depth === 1) return;
    const text = textOf(node).trim();
    if (node.depth > previous + 1) {
      const hashes = '#'.repeat(previous + 1);
      problems.push({
        file,
        line: lineAt(node),
        message: `"${'#'.repeat(node.depth)} ${text}" skips a level: ${previous === 1 ? 'the first heading of a page is ##' : `it comes straight under a ${'#'.repeat(previous)} heading`}. Use ${hashes} (## for a section, ### for a part of one).`,
      });
    }
    previous = node.depth;
    const next = nodes.slice(i + 1).find((n) => !(n.type === 'mdxFlowExpression' && isComment(n.value ?? '')));
    if (text && (!next || (next.type === 'heading' && (next.depth ?? 1) <= node.depth))) {
      problems.push({
        file,
        line: lineAt(node),
        message: `the section "${text}" is empty: add text under it, or delete the heading.`,
      });
    }
  });
  return problems;
}

/** {/* a comment *\/} is the one expression a body may hold: it prints nothing and runs nothing. */
const isComment = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text).replace(/\s+/g, ' ');

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
export function checkBody(
  entry: ParsedEntry,
  layoutIds: ReadonlyMap<string, string>,
  site: SiteIndex,
  figures: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const { file } = entry;
  const seen = new Map<string, number>();
  for (const h of entry.headings) {
    if (h.depth === 1) {
      problems.push({
        file,
        line: h.line,
        message: `"# ${h.text}" makes a second main title: the page's title comes from the frontmatter. Use "## ${h.text}" for a section.`,
      });
    }
    const layout = layoutIds.get(h.id);
    if (layout) {
      problems.push({
        file,
        line: h.line,
        message: `remove the heading "${h.text}": the page already prints its own "${layout}" section${h.id === 'sources' ? ' from the frontmatter field sources' : ''}.`,
      });
    } else if (seen.has(h.id)) {
      problems.push({
        file,
        line: h.line,
        message: `the heading "${h.text}" gives the same link (#${h.id}) as the heading at line ${seen.get(h.id)}: reword one so each section has its own address.`,
      });
    } else seen.set(h.id, h.line);
  }
  for (const link of entry.links) {
    const problem = linkProblem(link.url, entry, site);
    if (problem) problems.push({ file, line: link.line, ...problem });
  }
  for (const c of entry.components) {
    const others = Object.keys(c.attributes).filter((a) => a !== 'name' && !/^on/i.test(a));
    if (c.name !== 'Figure') {
      problems.push({
        file,
        line: c.line,
        message: `<${c.name}> is not something the guide can show: use plain Markdown, or <Figure name="..." /> for an illustration.`,
      });
    } else if (others.length) {
      const close = others.find((a) => a.toLowerCase() === 'name');
      problems.push({
        file,
        line: c.line,
        message: `<Figure> has ${others.map((a) => `"${a}"`).join(', ')}, which it does not take: ${close ? `write "name" in lowercase, e.g. <Figure name="${c.attributes[close] ?? ''}" />` : `it takes only name, e.g. <Figure name="${figures[0] ?? 'heel-drop'}" />`}.`,
      });
    } else if (!c.attributes.name || !figures.includes(c.attributes.name)) {
      problems.push({
        file,
        line: c.line,
        message: `<Figure name="${c.attributes.name ?? ''}" /> names no illustration. Use one of: ${figures.join(', ')}.`,
      });
    }
  }
  return problems;
}

function linkProblem(
  url: string,
  entry: ParsedEntry,
  site: SiteIndex,
): Pick<Problem, 'message' | 'warning'> | undefined {
  const address = addressProblem(url, 'link');
  if (address) return address;
  if (/^[a-z][a-z0-9+.-]*:/i.test(asBrowsersRead(url))) return undefined; // https:, mailto:, tel:
  const message = pathProblem(url, entry, site);
  return message ? { message } : undefined;
}

function pathProblem(url: string, entry: ParsedEntry, site: SiteIndex): string | undefined {
  if (!url.startsWith('/') && !url.startsWith('#')) {
    return `the link "${url}" must start from the site's root, e.g. /treatments/ice/ (or be a full https:// address).`;
  }
  const [pathAndQuery, hash] = url.split('#', 2) as [string, string | undefined];
  const path = pathAndQuery.split('?')[0] || ownPath(entry);
  if (!site.has(path)) {
    if (site.has(`${path}/`))
      return `the link "${url}" needs a slash at the end of the address: ${path}/${hash ? `#${hash}` : ''}`;
    return `the link "${url}" goes to a page that does not exist. Check the address against the site's pages (e.g. /faq/<file name>/).`;
  }
  const anchors = site.get(path);
  // The checklist's pre-ticked signs: the site index lists them as "check=<id>".
  if (hash?.startsWith('check=') && anchors && [...anchors].some((a) => a.startsWith('check='))) {
    const unknown = hash
      .slice('check='.length)
      .split(',')
      .filter((id) => !anchors.has(`check=${id}`));
    if (unknown.length)
      return `the link "${url}" ticks ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a warning sign id' : 'are not warning sign ids'} in content/red-flags.yaml: the checklist would open with ${unknown.length === 1 ? 'it' : 'them'} unticked. Use ids from that file.`;
    return undefined;
  }
  if (hash && anchors && !hash.includes('=') && !anchors.has(hash)) {
    return `the link "${url}" goes to a section "#${hash}" that is not on ${path}. Sections there: ${
      [...anchors]
        .filter((a) => !a.startsWith('check='))
        .map((a) => `#${a}`)
        .join(', ') || 'none'
    }.`;
  }
  return undefined;
}

const ownPath = (entry: ParsedEntry) => `/${entry.file.split('/').slice(-2, -1)[0]}/${entry.id}/`;
