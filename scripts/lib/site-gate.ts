// The checks on built HTML that stop `npm run build` (src/integrations/site-gate.ts)
// and that the build tests run (tests/build/security.test.ts, links.test.ts):
// one definition, so a host that runs only `npm run build` is gated the same
// as `npm run test:build`. Pure functions of parsed pages; the few that read
// dist/ take its path.
import fs from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { fileForUrl, type Element } from './built-site.ts';
import { HANDOUT_PATH, parseHandoutHash } from '../../src/lib/handout.ts';

/** What the checks need of a built page. */
export interface GatePage {
  url: string;
  elements: Element[];
}

// ---------------------------------------------------------------- the policy

/** Directives a <meta> Content-Security-Policy cannot carry (CSP 3): they only work as a header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** Where a fetch directive falls back to when absent (CSP 3): worker-src through child-src and script-src. */
const FALLBACK: Record<string, string[]> = {
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'frame-src': ['child-src', 'default-src'],
};
const FETCH = new Set([
  'child-src',
  'connect-src',
  'font-src',
  'img-src',
  'manifest-src',
  'media-src',
  'object-src',
  'script-src',
  'style-src',
  'worker-src',
  'frame-src',
]);

/**
 * The header's policy as a <meta http-equiv> can hold it: without what only a
 * header can carry, and without directives that say what their fallback
 * already says (the same policy, fewer bytes in every page).
 */
export function metaPolicy(headerPolicy: string): string {
  const directives = headerPolicy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0] && !HEADER_ONLY.has(d[0].toLowerCase()))
    .map(([name, ...values]) => [name!.toLowerCase(), values.join(' ')] as const);
  const byName = new Map(directives);
  const inherited = (name: string) =>
    (FALLBACK[name] ?? ['default-src']).map((f) => byName.get(f)).find((v) => v !== undefined);
  return directives
    .filter(([name, values]) => !(FETCH.has(name) && inherited(name) === values))
    .map(([name, values]) => `${name} ${values}`)
    .join('; ');
}

/** The <meta> policy element, to sit at the top of every page's <head>. */
export const metaPolicyTag = (headerPolicy: string) =>
  `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(headerPolicy).replace(/"/g, '&quot;')}">`;

/** Puts the meta policy first in <head> (before anything that could load), replacing one already there. */
export function withMetaPolicy(html: string, headerPolicy: string): string {
  const tag = metaPolicyTag(headerPolicy);
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '');
  const charset = /<meta charset="?[\w-]+"?\s*\/?>/i.exec(cleaned);
  if (charset)
    return cleaned.slice(0, charset.index + charset[0].length) + tag + cleaned.slice(charset.index + charset[0].length);
  const head = /<head(\s[^>]*)?>/i.exec(cleaned);
  if (head) return cleaned.slice(0, head.index + head[0].length) + tag + cleaned.slice(head.index + head[0].length);
  // No <head> tag (Astro's redirect pages): the head is implied, and the policy goes first in it.
  return cleaned.replace(/^(<!doctype html>)?/i, `$1${tag}`);
}

/** The policy in a page's <meta http-equiv>, or undefined. */
export const pageMetaPolicy = (page: GatePage) =>
  page.elements.find(
    (el) => el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'content-security-policy',
  )?.attribs.content;

// ---------------------------------------------------------------- script and other hosts

const text = (el: Element) => el.children.map((c) => ('data' in c ? c.data : '')).join('');

/** Inline event handlers (on* attributes). */
export const inlineHandlers = (page: GatePage) =>
  page.elements.flatMap((el) =>
    Object.keys(el.attribs)
      .filter((a) => /^on/i.test(a))
      .map((a) => `<${el.name} ${a}>`),
  );

/** Inline scripts other than JSON-LD data blocks that parse. */
export const inlineScripts = (page: GatePage) =>
  page.elements
    .filter((el) => el.name === 'script' && !el.attribs.src)
    .flatMap((el) => {
      if (el.attribs.type !== 'application/ld+json') return [`inline <script type="${el.attribs.type ?? ''}">`];
      try {
        JSON.parse(text(el));
        return [];
      } catch {
        return ['JSON-LD that is not valid JSON'];
      }
    });

/** <style> elements and style attributes (style-src allows only stylesheet files). */
export const inlineStyles = (page: GatePage) =>
  page.elements
    .filter((el) => el.name === 'style' || el.attribs.style !== undefined)
    .map((el) => `<${el.name}${el.name === 'style' ? '' : ' style'}>`);

/** What an element loads (not what it links to). */
function loads(el: Element): (string | undefined)[] {
  if (el.name === 'link')
    return /stylesheet|icon|preload|modulepreload|prefetch|preconnect|dns-prefetch|manifest/i.test(el.attribs.rel ?? '')
      ? [el.attribs.href]
      : [];
  return [
    el.attribs.src,
    el.name === 'object' ? el.attribs.data : undefined,
    el.name === 'video' ? el.attribs.poster : undefined,
    ...(el.attribs.srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]),
  ];
}

/** Files a page would load from another host (or from a data:, javascript: or other non-site address). */
export const offSiteLoads = (page: GatePage) =>
  page.elements.flatMap((el) =>
    loads(el)
      .filter((u): u is string => !!u)
      .filter(
        (u) =>
          !['site', ''].includes(new URL(u, `http://site${page.url}`).host) ||
          !/^https?:$/.test(new URL(u, `http://site${page.url}`).protocol),
      )
      .map((u) => `<${el.name}> loads ${u}`),
  );

/** Frames and plugins: nothing on the guide embeds another document. */
export const embeds = (page: GatePage) =>
  page.elements.filter((el) => ['iframe', 'frame', 'object', 'embed'].includes(el.name)).map((el) => `<${el.name}>`);

// ---------------------------------------------------------------- links

/** Every URL a page points at, with where it came from. */
export function linksOf(page: GatePage): { where: string; href: string }[] {
  const out: { where: string; href: string }[] = [];
  const add = (where: string, href: string | undefined) => href !== undefined && out.push({ where, href: href.trim() });
  for (const el of page.elements) {
    const a = el.attribs;
    if (['a', 'area', 'link'].includes(el.name)) add(`<${el.name} href>`, a.href);
    if (['script', 'img', 'source', 'iframe', 'video', 'audio', 'track', 'embed'].includes(el.name))
      add(`<${el.name} src>`, a.src);
    if (['img', 'source'].includes(el.name) && a.srcset)
      for (const c of a.srcset.split(',')) add(`<${el.name} srcset>`, c.trim().split(/\s+/)[0]);
    if (el.name === 'form') add('<form action>', a.action);
    if (el.name === 'video') add('<video poster>', a.poster);
    if (el.name === 'object') add('<object data>', a.data);
    if (el.name === 'meta' && ['og:url', 'og:image'].includes(a.property ?? '')) add(`<meta ${a.property}>`, a.content);
    if (el.name === 'meta' && a['http-equiv']?.toLowerCase() === 'refresh')
      add('<meta refresh>', a.content?.replace(/^\s*\d+\s*;?\s*(url=)?/i, ''));
  }
  return out;
}

/** Checks links against the built site: every internal link and #anchor resolves, nothing runs script. */
export class LinkChecker {
  /** External https: and http: links, with the pages that carry them. */
  readonly external = new Map<string, Set<string>>();
  /** The external links that are http:, not https:. */
  insecure = () => [...this.external.keys()].filter((href) => href.startsWith('http:')).sort();
  private ids = new Map<string, Set<string>>();
  private dist: string;
  readonly origin: string;
  /** The checklist page and its sign ids, for `#check=` links; undefined skips them. */
  private checklist?: { path: string; ids: ReadonlySet<string> };
  constructor(dist: string, origin: string, checklist?: { path: string; ids: ReadonlySet<string> }) {
    this.dist = dist;
    this.origin = origin;
    this.checklist = checklist;
  }

  /** Element ids (and legacy <a name>) of an HTML file, read once. */
  private idsIn(file: string): Set<string> {
    let ids = this.ids.get(file);
    if (!ids) {
      const els = DomUtils.findAll(() => true, parseDocument(fs.readFileSync(file, 'utf8')).children);
      ids = new Set(
        els.flatMap((el) =>
          [el.attribs.id, el.name === 'a' ? el.attribs.name : undefined].filter((x): x is string => !!x),
        ),
      );
      this.ids.set(file, ids);
    }
    return ids;
  }

  /** Why an internal URL does not resolve, or undefined when it does. */
  problemWith(url: URL): string | undefined {
    const file = fileForUrl(url.pathname, this.dist);
    if (!file) return `no file for ${url.pathname}`;
    let fragment: string;
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return `a broken escape in #${url.hash.slice(1)}`;
    }
    if (!fragment || fragment.toLowerCase() === 'top') return undefined;
    // The checklist keeps ticked signs in the hash (`#check=a,b`), not an element id.
    if (this.checklist && url.pathname === this.checklist.path && fragment.startsWith('check=')) {
      const unknown = fragment
        .slice('check='.length)
        .split(',')
        .filter((id) => !this.checklist!.ids.has(id));
      return unknown.length ? `unknown red-flag id(s) ${unknown.join(', ')} (see content/red-flags.yaml)` : undefined;
    }
    // A handout link's hash is its request: every part it names must resolve, and every sign be known.
    if (this.checklist && url.pathname === HANDOUT_PATH) {
      const request = parseHandoutHash(url.hash);
      const named = /(?:^|&)pages=([^&]*)/.exec(url.hash.slice(1))?.[1]!.split(',').length ?? 0;
      const problems = [
        ...(request.named === named
          ? []
          : [`${named - request.named} part(s) the handout would drop as malformed or repeated`]),
        ...request.parts
          .map((p) => this.problemWith(new URL(p.anchor ? `${p.path}#${p.anchor}` : p.path, url)))
          .filter((x): x is string => !!x),
        ...[...request.check, ...request.watch]
          .filter((id) => !this.checklist!.ids.has(id))
          .map((id) => `unknown red-flag id ${id}`),
      ];
      return problems.length ? problems.join('; ') : undefined;
    }
    if (!file.endsWith('.html')) return `#${fragment} on a file that is not a page`;
    return this.idsIn(file).has(fragment) ? undefined : `no element with id "${fragment}" on ${url.pathname}`;
  }

  /** The broken and unsafe links of one page; external links are collected in `external`. */
  check(page: GatePage): string[] {
    const broken: string[] = [];
    for (const { where, href } of linksOf(page)) {
      if (href === '') {
        broken.push(`${page.url} ${where}: empty URL`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, `${this.origin}${page.url}`);
      } catch {
        broken.push(`${page.url} ${where} "${href}": not a URL`);
        continue;
      }
      if (url.origin === this.origin) {
        const problem = this.problemWith(url);
        if (problem) broken.push(`${page.url} ${where} "${href}": ${problem}`);
      } else if (url.protocol === 'https:' || url.protocol === 'http:') {
        // http: links are warned, as the content check warns (README, "Editing content").
        if (!this.external.has(url.href)) this.external.set(url.href, new Set());
        this.external.get(url.href)!.add(page.url);
      } else if (!['tel:', 'mailto:'].includes(url.protocol)) {
        broken.push(
          `${page.url} ${where} "${href}": ${url.protocol} URLs are not allowed (only https:, tel:, mailto: and the site's own pages)`,
        );
      }
    }
    return broken;
  }
}

/** Everything the build refuses on one page: script, styles, other hosts, frames, a missing meta policy. */
export function securityProblems(page: GatePage, headerPolicy: string): string[] {
  const meta = pageMetaPolicy(page);
  return [
    ...inlineHandlers(page),
    ...inlineScripts(page),
    ...inlineStyles(page),
    ...offSiteLoads(page),
    ...embeds(page),
    ...(meta === metaPolicy(headerPolicy)
      ? []
      : [
          meta
            ? 'a <meta> Content-Security-Policy that is not the one in public/_headers'
            : 'no <meta> Content-Security-Policy',
        ]),
  ].map((p) => `${page.url}: ${p}`);
}
