// The handout link: `/handout/#pages=<path>[%23<anchor>],<path>...&check=<id>,...&watch=<id>,...`.
// `check` names signs the patient has now (the answer is computed); `watch`
// names signs to watch for (each listed with what to do, no answer now).
// Pure parsing and formatting, shared by /handout/, the builder on
// /for-clinics/ (which keeps the same fields in its own query) and the tests. The link is data from strangers: anything
// unknown, foreign, malformed or hostile is dropped, never thrown.
import { isValidId, PAGE_PATH } from './urls.ts';
import { currentSignId, SIGN_RENAMES } from './sign-renames.ts';

export const HANDOUT_PATH = '/handout/';

/** One part of a handout: a whole page, or one section of it. */
export interface HandoutPart {
  path: string;
  anchor?: string;
}
export interface HandoutRequest {
  parts: HandoutPart[];
  check: string[];
  watch: string[];
}
/** A request read from a link, with how many distinct parts the link named before the cut to MAX_PARTS. */
export interface ParsedHandout extends HandoutRequest {
  named: number;
}

/** The most parts a handout holds: the builder stops here, and /handout/ shows the first ones and says so. */
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

/**
 * Reads a handout hash (or the builder's query; with or without its "#" or
 * "?") into the parts and sign ids it names, in order, without repeats.
 */
export function parseHandoutHash(hash: string): ParsedHandout {
  const parts = new Map<string, HandoutPart>();
  const ids = { check: new Set<string>(), watch: new Set<string>() };
  for (const pair of hash.replace(/^[#?]/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const key = pair.slice(0, eq);
    const items = pair.slice(eq + 1).split(',');
    if (key === 'pages') {
      for (const item of items) {
        const part = parsePart(item);
        if (part && !parts.has(partKey(part))) parts.set(partKey(part), part);
      }
    } else if (key === 'check' || key === 'watch') {
      const set = ids[key];
      for (const item of items) {
        const id = decodeOnce(item.trim()).toLowerCase();
        if (isValidId(id) && set.size < MAX_IDS) set.add(id);
      }
    }
  }
  return {
    parts: [...parts.values()].slice(0, MAX_PARTS),
    check: [...ids.check],
    watch: [...ids.watch],
    named: parts.size,
  };
}

/** The fields of a handout link, `pages=...&check=...&watch=...`; '' when nothing is chosen. `#` inside a part is escaped as `%23`. */
export function formatHandoutFields({ parts, check, watch }: HandoutRequest): string {
  const fields: string[] = [];
  if (parts.length) fields.push(`pages=${parts.map((p) => (p.anchor ? `${p.path}%23${p.anchor}` : p.path)).join(',')}`);
  if (check.length) fields.push(`check=${check.join(',')}`);
  if (watch.length) fields.push(`watch=${watch.join(',')}`);
  return fields.join('&');
}

/** The hash for a handout; '' when nothing is chosen. */
export function formatHandoutHash(request: HandoutRequest): string {
  const fields = formatHandoutFields(request);
  return fields ? `#${fields}` : '';
}

/** The handout's own address on a site. */
export function handoutUrl(site: URL | string, request: HandoutRequest): string {
  return new URL(HANDOUT_PATH + formatHandoutHash(request), site).href;
}

/** What the site publishes: each page's path and the ids of its sections (the shape of /links.json). */
export interface KnownPage {
  url: string;
  title: string;
  anchors: { id: string; title: string }[];
}

/** A part the site has, with the titles to show for it. */
export interface ResolvedPart extends HandoutPart {
  pageTitle: string;
  sectionTitle?: string;
}

/**
 * Keeps the parts the site publishes (a page in /links.json, a section that
 * page lists) and the sign ids it knows, in the link's order.
 */
export function keepKnown(
  request: HandoutRequest,
  pages: readonly KnownPage[],
  signIds: readonly string[],
  renames: Readonly<Record<string, string>> = SIGN_RENAMES,
): { parts: ResolvedPart[]; check: string[]; watch: string[] } {
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
    if (section)
      parts.push({ path: part.path, anchor: part.anchor, pageTitle: page.title, sectionTitle: section.title });
  }
  const known = new Set(signIds);
  const current = (ids: string[]) =>
    [...new Set(ids.map((id) => currentSignId(id, renames)))].filter((id) => known.has(id));
  return { parts, check: current(request.check), watch: current(request.watch) };
}

/** What /handout/ says when its link named more parts than a handout holds; '' when it did not. */
export function partLimitNote(named: number): string {
  return named > MAX_PARTS
    ? `This link named ${named} parts; a handout holds at most ${MAX_PARTS}: the first ${MAX_PARTS} are shown.`
    : '';
}
