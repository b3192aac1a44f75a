// The handout link: `/handout/#pages=<path>[%23<anchor>],<path>...&check=<id>,<id>`.
// Pure parsing and formatting, shared by /handout/, the builder on
// /for-clinics/ and the tests. The link is data from strangers: anything
// unknown, foreign, malformed or hostile is dropped, never thrown.
import { isValidId, PAGE_PATH } from './urls.ts';
import { currentSignId, SIGN_RENAMES } from './sign-renames.ts';

export const HANDOUT_PATH = '/handout/';

/** One part of a handout: a whole page, or one section of it. */
export interface HandoutPart { path: string; anchor?: string }
export interface HandoutRequest { parts: HandoutPart[]; check: string[] }

/** Enough for any real handout; a longer link is cut, not refused. */
export const MAX_PARTS = 12;
const MAX_IDS = 30;

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return ''; // A broken escape: the part is dropped.
  }
}

/** One `pages` item, decoded once: `/faq/x/` or `/causes/y/#what-helps`. Null when it is not a plain site path. */
export function parsePart(raw: string): HandoutPart | null {
  const text = decodeOnce(raw.trim());
  const hash = text.indexOf('#');
  const path = hash === -1 ? text : text.slice(0, hash);
  const anchor = hash === -1 ? undefined : text.slice(hash + 1);
  if (!PAGE_PATH.test(path) || path === HANDOUT_PATH) return null;
  if (anchor === undefined) return { path };
  return isValidId(anchor) ? { path, anchor } : null;
}

const partKey = (p: HandoutPart) => (p.anchor ? `${p.path}#${p.anchor}` : p.path);

/** Reads a handout hash (with or without its "#") into the parts and sign ids it names, in order, without repeats. */
export function parseHandoutHash(hash: string): HandoutRequest {
  const parts = new Map<string, HandoutPart>();
  const check = new Set<string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const key = pair.slice(0, eq);
    const items = pair.slice(eq + 1).split(',');
    if (key === 'pages') {
      for (const item of items) {
        const part = parsePart(item);
        if (part && !parts.has(partKey(part)) && parts.size < MAX_PARTS) parts.set(partKey(part), part);
      }
    } else if (key === 'check') {
      for (const item of items) {
        const id = decodeOnce(item.trim()).toLowerCase();
        if (isValidId(id) && check.size < MAX_IDS) check.add(id);
      }
    }
  }
  return { parts: [...parts.values()], check: [...check] };
}

/** The hash for a handout, with `#` inside a part escaped as `%23`; '' when nothing is chosen. */
export function formatHandoutHash({ parts, check }: HandoutRequest): string {
  const fields: string[] = [];
  if (parts.length) fields.push(`pages=${parts.map((p) => (p.anchor ? `${p.path}%23${p.anchor}` : p.path)).join(',')}`);
  if (check.length) fields.push(`check=${check.join(',')}`);
  return fields.length ? `#${fields.join('&')}` : '';
}

/** The handout's own address on a site. */
export function handoutUrl(site: URL | string, request: HandoutRequest): string {
  return new URL(HANDOUT_PATH + formatHandoutHash(request), site).href;
}

/** What the site publishes: each page's path and the ids of its sections (the shape of /links.json). */
export interface KnownPage { url: string; title: string; anchors: { id: string; title: string }[] }

/** A part the site has, with the titles to show for it. */
export interface ResolvedPart extends HandoutPart { pageTitle: string; sectionTitle?: string }

/**
 * Keeps the parts the site publishes (a page in /links.json, a section that
 * page lists) and the sign ids it knows, in the link's order.
 */
export function keepKnown(request: HandoutRequest, pages: readonly KnownPage[], signIds: readonly string[], renames: Readonly<Record<string, string>> = SIGN_RENAMES): { parts: ResolvedPart[]; check: string[] } {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const parts: ResolvedPart[] = [];
  for (const part of request.parts) {
    const page = byUrl.get(part.path);
    if (!page) continue;
    if (!part.anchor) {
      parts.push({ path: part.path, pageTitle: page.title });
      continue;
    }
    const section = page.anchors.find((a) => a.id === part.anchor);
    if (section) parts.push({ path: part.path, anchor: part.anchor, pageTitle: page.title, sectionTitle: section.title });
  }
  const known = new Set(signIds);
  return { parts, check: [...new Set(request.check.map((id) => currentSignId(id, renames)))].filter((id) => known.has(id)) };
}
