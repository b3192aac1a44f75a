// Reads the guide's MDX entries as the reader sees their words: frontmatter
// prose (summary, signs, short answer) plus the body.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { toPlainText } from '../../src/lib/readability.ts';

export interface ContentPage {
  file: string;
  collection: string;
  id: string;
  data: Record<string, unknown>;
  body: string;
  text: string;
}

export function readContentPages(root = 'content'): ContentPage[] {
  return ['causes', 'treatments', 'faq'].flatMap((collection) => {
    const dir = path.join(root, collection);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const m = raw.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
      const data = (m ? parse(m[1]!) : {}) as Record<string, unknown>;
      const body = m ? m[2]! : raw;
      const lead = [data.summary, data.shortAnswer, ...((data.signs as string[] | undefined) ?? [])]
        .filter((s): s is string => typeof s === 'string')
        .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`))
        .join(' ');
      return { file: path.join(dir, f), collection, id: f.replace(/\.mdx$/, ''), data, body, text: `${lead} ${toPlainText(body)}` };
    });
  });
}
