// Takes a page or one section out of a built page of this site and rebuilds
// it, element by element, from an allow-list: text is copied as text, links
// keep only this site's paths or https addresses, and anything not content
// (scripts, buttons, copy links, hidden search keywords, menus) is left out.
// Nothing fetched is ever inserted as HTML.

import { TIERS } from '../lib/triage.ts';

/** Tags kept as they are; headings move down a level under the part's own h2. */
const KEEP = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'em',
  'b',
  'i',
  'code',
  'kbd',
  'cite',
  'small',
  'abbr',
  'br',
  'time',
  'blockquote',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
]);
const RENAME: Record<string, string> = {
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h6',
  h6: 'h6',
  section: 'div',
  aside: 'div',
  div: 'div',
  article: 'div',
  details: 'div',
};
const DROP =
  'script, style, template, noscript, button, form, input, select, textarea, nav, iframe, object, embed, link, meta, ' +
  '[hidden], .visually-hidden, .section-link, .breadcrumbs, .related, red-flag-checklist, summary';
/** Classes that carry meaning in print (tier colours, get-help note); all others are dropped. */
const CLASSES = new Set([
  'help-note',
  'tier-card',
  'care-card',
  'care-band',
  'care-body',
  'tier-label',
  'tier',
  'tier-emergency',
  'tier-a-and-e',
  'tier-urgent',
  'tier-soon',
  'tier-self-care',
  'tier-heading',
  'caution',
  'action',
  'lead-in',
  'signs',
  'sign',
  'why',
  'summary',
  'facts',
  'entry-list',
  'small',
  'illustration',
  'emergency-line',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set([
  'svg',
  'g',
  'path',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'rect',
  'title',
  'desc',
  'text',
  'tspan',
]);
const SVG_ATTRS = new Set([
  'viewBox',
  'd',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'dx',
  'dy',
  'width',
  'height',
  'points',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'transform',
  'opacity',
  'role',
  'aria-label',
  'aria-hidden',
  'font-size',
  'font-weight',
  'text-anchor',
  'preserveAspectRatio',
]);
/** A drawing's classes (global.css, "Illustrations"): without them its lines print as black fills, its labels on black. */
export const SVG_CLASSES = new Set(['l', 'g', 'f', 'w', 'a', 'ah', 'n', 'hl', 'm', 'ts', 'wide']);

/** A link target this handout may keep: a path on this site (made absolute to the page it came from) or an https address. */
function safeHref(href: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin === location.origin) return url.pathname + url.search + url.hash;
  return url.protocol === 'https:' ? url.href : null;
}

function copySvg(from: Element): Element | null {
  const name = from.localName;
  if (!SVG_TAGS.has(name)) return null;
  const to = document.createElementNS(SVG_NS, name);
  for (const { name: attr, value } of from.attributes) {
    // No url(...): it could point at another host or a script-bearing resource.
    if (SVG_ATTRS.has(attr) && !/url\s*\(|script:/i.test(value)) to.setAttribute(attr, value);
  }
  for (const c of from.classList) if (SVG_CLASSES.has(c)) to.classList.add(c);
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) to.append(child.textContent ?? '');
    else if (child instanceof Element) {
      const copy = copySvg(child);
      if (copy) to.append(copy);
    }
  }
  return to;
}

/** Rebuilds a fetched node's content in this document through the allow-lists. */
export function cleanCopy(from: Node, base: URL): Node[] {
  if (from.nodeType === Node.TEXT_NODE) return [document.createTextNode(from.textContent ?? '')];
  if (!(from instanceof Element) || from.matches(DROP)) return [];
  if (from.namespaceURI === SVG_NS) {
    const svg = copySvg(from);
    return svg ? [svg] : [];
  }
  const children = () => [...from.childNodes].flatMap((c) => cleanCopy(c, base));
  const tag = from.localName;
  if (tag === 'a') {
    const href = safeHref(from.getAttribute('href') ?? '', base);
    const a = document.createElement(href ? 'a' : 'span');
    if (href) a.setAttribute('href', href);
    a.append(...children());
    return [a];
  }
  const name = KEEP.has(tag) ? tag : RENAME[tag];
  // Any other element (span, label, custom elements) gives up its tag but keeps its content.
  if (!name) return children();
  const to = document.createElement(name);
  for (const c of from.classList) if (CLASSES.has(c)) to.classList.add(c);
  if (tag === 'img') {
    const src = safeHref(from.getAttribute('src') ?? '', base);
    if (!src?.startsWith('/')) return [];
    to.setAttribute('src', src);
    to.setAttribute('alt', from.getAttribute('alt') ?? '');
  }
  // A care card's tier gives its look (global.css); only the tiers' own words pass.
  const tier = from.getAttribute('data-tier');
  if (tier && (TIERS as readonly string[]).includes(tier)) to.dataset.tier = tier;
  if (tag === 'time' && from.hasAttribute('datetime')) to.setAttribute('datetime', from.getAttribute('datetime')!);
  for (const attr of ['colspan', 'rowspan']) {
    const n = Number(from.getAttribute(attr));
    if (Number.isInteger(n) && n > 1 && n < 100) to.setAttribute(attr, String(n));
  }
  if (tag === 'th' && /^(row|col)(group)?$/.test(from.getAttribute('scope') ?? ''))
    to.setAttribute('scope', from.getAttribute('scope')!);
  to.append(...children());
  return [to];
}

const level = (el: Element) => Number(/^h([1-6])$/.exec(el.localName)?.[1] ?? 0);

/** The heading an element is or starts with (the heading wrapper of SectionHeading.astro holds it). */
function headingIn(el: Element): Element | null {
  if (level(el)) return el;
  return el.classList.contains('section-heading') ? el.querySelector('h1, h2, h3, h4, h5, h6') : null;
}

/**
 * The nodes of one section of a page: the section element its heading labels
 * (a tier card, the get-help note), else the heading's following siblings up
 * to the next heading of the same or a higher level. The heading itself is
 * left out: the handout gives each part its own.
 */
export function sectionNodes(doc: Document, anchor: string): Element[] | null {
  const heading = doc.getElementById(anchor);
  if (!heading || !level(heading)) return null;
  const box = heading.closest(`section, aside`);
  const start = heading.closest('.section-heading') ?? heading;
  if (box?.getAttribute('aria-labelledby') === anchor) return [...box.children].filter((c) => c !== start);
  const nodes: Element[] = [];
  for (let el = start.nextElementSibling; el; el = el.nextElementSibling) {
    const next = headingIn(el);
    if (next && level(next) <= level(heading)) break;
    nodes.push(el);
  }
  return nodes;
}

/** The body of a whole page: its article (or main) without the h1, which the part's own heading replaces. */
export function pageNodes(doc: Document): Element[] {
  const root = doc.querySelector('main article') ?? doc.querySelector('main');
  return root ? [...root.children].filter((c) => c.localName !== 'h1') : [];
}
