// Helpers shared by the end-to-end tests: what the build produced.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { linkablePages } from '../../scripts/lib/built-site.ts';

export const DIST = path.resolve('dist');

/** Every HTML page in dist/ as a URL path ("/causes/ice/"), redirect stubs excluded. */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== '_astro') walk(p);
      } else if (e.name.endsWith('.html')) {
        const html = fs.readFileSync(p, 'utf8');
        if (/<meta http-equiv="refresh"/i.test(html)) continue;
        const rel = '/' + path.relative(DIST, p).replace(/\\/g, '/');
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel === '/index.html' ? '/' : rel);
      }
    }
  };
  walk(DIST);
  return out.map((p) => (p === '/index.html' ? '/' : p)).sort();
}

/** Entry ids of a collection, from the content folder. */
export function contentIds(collection: 'causes' | 'treatments' | 'faq'): string[] {
  return fs.readdirSync(path.resolve('content', collection)).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort();
}

/** Every built page plus every page in /links.json (when the build has one), once each. */
export function auditedPages(): string[] {
  return [...new Set([...builtPages(), ...(linkablePages(DIST) ?? []).map((p) => p.url)])].sort();
}

/** Red-flag ids, in file order, from the checklist's data. */
export function redFlagIds(): string[] {
  const flags = parseYaml(fs.readFileSync(path.resolve('content', 'red-flags.yaml'), 'utf8')) as { id: string }[];
  return flags.map((f) => f.id);
}
