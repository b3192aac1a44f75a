// Helpers shared by the end-to-end tests: what the build produced.
import fs from 'node:fs';
import path from 'node:path';

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
