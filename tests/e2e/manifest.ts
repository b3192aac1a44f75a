// Helpers for the link tests: what the build published and what was published before.
import fs from 'node:fs';
import path from 'node:path';
import type { LinkManifest } from '../../src/lib/manifest.ts';
import { DIST } from './site.ts';

/** dist/links.json as built. */
export function builtManifest(): LinkManifest {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'links.json'), 'utf8')) as LinkManifest;
}

/** Every URL the guide has ever published (tests/published-urls.json). */
export function publishedUrls(): string[] {
  return (JSON.parse(fs.readFileSync('tests/published-urls.json', 'utf8')) as { urls: string[] }).urls;
}

/** The built HTML of a page path such as "/causes/ice/". */
export function builtHtml(page: string): string {
  return fs.readFileSync(path.join(DIST, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
}
