// Astro writes each redirect as a small HTML page whose refresh reads
// content="0;url=...". The HTML standard wants a space after the semicolon
// (the W3C checker rejects it without one; browsers accept both): add it.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REFRESH = /(<meta http-equiv="refresh" content="\d+;)(url=)/;

/** The stub's HTML with a standard refresh value; anything else is returned unchanged. */
export function standardRefresh(html: string): string {
  return html.replace(REFRESH, '$1 $2');
}

export default function redirectStubs(): AstroIntegration {
  let from: string[] = [];
  return {
    name: 'redirect-stubs',
    hooks: {
      'astro:config:done': ({ config }) => {
        from = Object.keys(config.redirects);
      },
      'astro:build:done': async ({ dir }) => {
        for (const url of from) {
          const file = path.join(fileURLToPath(dir), url, url.endsWith('/') ? 'index.html' : '');
          if (!existsSync(file) || !file.endsWith('.html')) continue;
          const html = await readFile(file, 'utf8');
          const fixed = standardRefresh(html);
          if (fixed !== html) await writeFile(file, fixed);
        }
      },
    },
  };
}
