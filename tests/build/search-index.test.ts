// Pagefind's index, read from dist/pagefind/ (no browser): every word it
// indexed for a page is a word a reader sees there. compressHTML and markup
// such as <dt>Label</dt><dd>Value</dd> can glue two words into one that
// nobody would search for ("LabelValue"); this finds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ChildNode } from 'domhandler';
import { distDir, readPages, type Element } from '../../scripts/lib/built-site.ts';

/** Elements a browser lays out on their own lines (innerText puts a break around them). */
const BLOCK = new Set(
  'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** An element's text as a reader gets it: block elements apart, inline ones run together. */
function readerText(nodes: ChildNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const el = n as Element;
      if (el.name === 'script' || el.name === 'style') continue;
      const inner = readerText(el.children);
      out += BLOCK.has(el.name) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

const token = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const words = (text: string) => new Set(text.split(/\s+/).map(token).filter(Boolean));

/** Pagefind's fragment files: gzip, then a "pagefind_dcd" signature, then JSON. */
function fragments(dist = distDir()): { url: string; content: string }[] {
  const dir = path.join(dist, 'pagefind', 'fragment');
  return fs.readdirSync(dir).map((f) => {
    const raw = gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8');
    assert.ok(raw.startsWith('pagefind_dcd'), `${f} is not a Pagefind fragment`);
    return JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string };
  });
}

test('the search index has no words glued together: every indexed word is a word of its page', () => {
  const pages = new Map(readPages().map((p) => [p.url, p]));
  const indexed = fragments();
  assert.ok(indexed.length > 10, 'Pagefind indexed the guide');
  const glued: string[] = [];
  for (const f of indexed) {
    const page = pages.get(f.url);
    assert.ok(page, `${f.url} is indexed but not built`);
    const body = page.elements.filter((el) => el.attribs['data-pagefind-body'] !== undefined);
    const seen = words(body.map((el) => readerText(el.children)).join('\n'));
    const extra = [...words(f.content)].filter((w) => !seen.has(w));
    if (extra.length) glued.push(`${f.url}: ${extra.join(', ')}`);
  }
  assert.deepEqual(glued, []);
});
