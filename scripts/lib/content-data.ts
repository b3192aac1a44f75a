// Reads the content/ folder directly, for scripts and tests that run outside
// Astro (the build reads it through src/content.config.ts). The one place
// outside the build that parses red-flags.yaml, sources.yaml and the MDX
// frontmatter. Tests import it from here; nothing here imports tests.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
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

/** The warning signs as the checklist lists them: in their `order`. */
export function readRedFlags(root = 'content'): RedFlag[] {
  const flags = parse(fs.readFileSync(path.join(root, 'red-flags.yaml'), 'utf8')) as RedFlag[];
  return flags.sort((a, b) => a.order - b.order);
}

/** Source ids, in file order. */
export function readSourceIds(root = 'content'): string[] {
  return (parse(fs.readFileSync(path.join(root, 'sources.yaml'), 'utf8')) as { id: string }[]).map((s) => s.id);
}

/** Entry ids of a collection, from its file names, sorted. */
export function contentIds(collection: EntryCollection, root = 'content'): string[] {
  return fs.readdirSync(path.join(root, collection)).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort();
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
      const m = raw.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
      const data = (m ? parse(m[1]!) : {}) as Record<string, unknown>;
      const body = m ? m[2]! : raw;
      const lead = [data.summary, data.shortAnswer, ...((data.signs as string[] | undefined) ?? [])]
        .filter((s): s is string => typeof s === 'string')
        .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`))
        .join(' ');
      return { file, collection, id, data, body, text: `${lead} ${toPlainText(body)}` };
    }),
  );
}
