// The first step of `npm run build` after `astro build` has exited (scripts/finish-build.ts): puts the Content-Security-Policy of
// public/_headers into every page as a <meta> (for hosts that ignore
// _headers), then refuses the build when any page has script, inline styles,
// a load from another host, a frame, or a link that is broken or runs script:
// the checks tests/build/security.test.ts and links.test.ts run, from
// scripts/lib/site-gate.ts. Hosts that run only `npm run build` are gated too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { headersFor, readHeaderRules } from '../../scripts/lib/headers.mjs';
import { htmlFiles } from '../../scripts/lib/built-site.ts';
import { readRedFlags } from '../../scripts/lib/content-data.ts';
import { LinkChecker, securityProblems, withMetaPolicy } from '../../scripts/lib/site-gate.ts';

/** The one policy: public/_headers of this project (a fixture site built with this config uses it too). */
export const HEADERS_FILE = fileURLToPath(new URL('../../public/_headers', import.meta.url));

export function sitePolicy(file = HEADERS_FILE): string {
  const policy = headersFor(readHeaderRules(file), '/').get('content-security-policy');
  if (!policy)
    throw new Error(
      `${path.relative(process.cwd(), file)} gives no Content-Security-Policy for "/*": the build cannot protect its pages.`,
    );
  return policy;
}

/** Sign ids the checklist page understands, for its `#check=` links (none in a site without content). */
function signIds(root: string): Set<string> | undefined {
  if (!fs.existsSync(path.join(root, 'content/red-flags.yaml'))) return undefined;
  return new Set(readRedFlags(path.join(root, 'content')).map((f) => f.id));
}

/** How the build steps after Astro report: Astro's integration logger has the same two methods. */
export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Gives every page of `dist` its policy, then refuses the build if any page is unsafe or has a broken link. */
export function gateSite(dist: string, root: string, origin: string, logger: StepLogger): void {
  const policy = sitePolicy();
  const files = htmlFiles(dist);
  const ids = signIds(root);
  const links = new LinkChecker(dist, origin, ids && { path: '/red-flags/', ids });
  // First every page gets its policy, so links are checked against the final files.
  for (const file of files) fs.writeFileSync(file, withMetaPolicy(fs.readFileSync(file, 'utf8'), policy));
  const problems: string[] = [];
  for (const file of files) {
    // One page parsed at a time: at 10,000 pages all of them at once would not fit in memory.
    const rel = '/' + path.relative(dist, file).split(path.sep).join('/');
    const page = {
      url: rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel,
      elements: DomUtils.findAll(() => true, parseDocument(fs.readFileSync(file, 'utf8')).children),
    };
    problems.push(...securityProblems(page, policy));
    // Links are the guide's: a partial site (a test fixture) has only some of its pages.
    if (ids) problems.push(...links.check(page));
  }
  const insecure = links.insecure();
  if (insecure.length)
    logger.warn(
      `${insecure.length} link(s) use http:, not https: ${insecure.slice(0, 5).join(', ')}${insecure.length > 5 ? ', ...' : ''}`,
    );
  if (problems.length) {
    const error = new Error(
      `the built site is not safe to publish (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .slice(0, 30)
        .map((p) => `  - ${p}`)
        .join('\n')}${problems.length > 30 ? `\n  ... and ${problems.length - 30} more` : ''}\n` +
        'Run `npm run check`: it names the content file and line of most such mistakes.',
    );
    error.stack = '';
    throw error;
  }
  logger.info(`${files.length} pages carry the Content-Security-Policy; no script, other host or broken link`);
}
