// Reads the content/ folder directly, for scripts, tests and build steps that
// run outside Astro's store (the pages read it through src/content.config.ts,
// whose loaders check it first). The one place outside the loaders that parses
// content's YAML files and MDX frontmatter (clinic-sheets.yaml has its own
// reader, src/lib/clinic-sheets.ts, which the loaders share), split by the
// loaders' own splitFrontmatter. Tests import it from here; nothing here imports tests.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { toPlainText } from '../../src/lib/readability.ts';
import type { Tier } from '../../src/lib/triage.ts';

export type EntryCollection = 'causes' | 'treatments' | 'faq';

export interface RedFlag {
  id: string;
  sign: string;
  tier: Tier;
  order: number;
  why: string;
  sources: string[];
}

/** A YAML file of content/ as written, e.g. `readContentYaml('red-flag-tiers.yaml')`. */
export function readContentYaml<T = unknown>(file: string, root = 'content'): T {
  return parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
}

/** The warning signs as the checklist lists them: in their `order`. */
export function readRedFlags(root = 'content'): RedFlag[] {
  return readContentYaml<RedFlag[]>('red-flags.yaml', root).sort((a, b) => a.order - b.order);
}

/** Source ids, in file order. */
export function readSourceIds(root = 'content'): string[] {
  return readContentYaml<{ id: string }[]>('sources.yaml', root).map((s) => s.id);
}

/** Entry ids of a collection, from its file names, sorted. */
export function contentIds(collection: EntryCollection, root = 'content'): string[] {
  return fs
    .readdirSync(path.join(root, collection))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export interface ContentPage {
  file: string;
  collection: EntryCollection;
  id: string;
  data: Record<string, unknown>;
  body: string;
  /** What the reader reads: frontmatter prose (summary, signs, short answer) plus the body, as plain text. */
  text: string;
}

/** The guide's MDX entries with their frontmatter and words. */
export function readContentPages(root = 'content'): ContentPage[] {
  return (['causes', 'treatments', 'faq'] as const).flatMap((collection) =>
    contentIds(collection, root).map((id) => {
      const file = path.join(root, collection, `${id}.mdx`);
      const raw = fs.readFileSync(file, 'utf8');
      const { frontmatter, body } = splitFrontmatter(raw);
      const data = (frontmatter === undefined ? {} : parse(frontmatter)) as Record<string, unknown>;
      const lead = [data.summary, data.shortAnswer, ...((data.signs as string[] | undefined) ?? [])]
        .filter((s): s is string => typeof s === 'string')
        .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`))
        .join(' ');
      return { file, collection, id, data, body, text: `${lead} ${toPlainText(body)}` };
    }),
  );
}
