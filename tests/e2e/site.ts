// What the build produced, for the browser tests: read through the same
// helpers as the dist/ checks (scripts/lib/built-site.ts) and the content
// data (scripts/lib/content-data.ts), so there is one walker and one parser.
import { builtPageUrls, distDir, linkablePages } from '../../scripts/lib/built-site.ts';
import { contentIds, readRedFlags } from '../../scripts/lib/content-data.ts';

export const DIST = distDir();

/** Every HTML page in dist/ as a URL path ("/causes/ice/"), redirect pages left out. */
export const builtPages = (): string[] => builtPageUrls(DIST);

export { contentIds };

/** Every built page plus every page in /links.json (when the build has one), once each. */
export function auditedPages(): string[] {
  return [...new Set([...builtPages(), ...(linkablePages(DIST) ?? []).map((p) => p.url)])].sort();
}

/** Red-flag ids, in the checklist's order. */
export function redFlagIds(): string[] {
  return readRedFlags().map((f) => f.id);
}
