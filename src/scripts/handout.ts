// /handout/: reads the link's hash, keeps what the site publishes
// (src/lib/handout.ts), shows the ticked signs and their answer, the signs to
// watch for under their care cards, then each
// chosen page or section fetched from this site, with its address and review
// dates. The printed address and QR code are the handout's own link.
import {
  handoutUrl,
  keepKnown,
  parseHandoutHash,
  partLimitNote,
  type KnownPage,
  type ResolvedPart,
} from '../lib/handout.ts';
import { parseCheckHash, triage, type Tier } from '../lib/triage.ts';
import { cleanCopy, pageNodes, sectionNodes } from './handout-content.ts';
import { setPrintedAddress } from './printed-address.ts';
import { LOCALE } from '../site.ts';

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)!;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') =>
  Object.assign(document.createElement(tag), { textContent: text, className });

// The configured site (SITE_URL), not the host serving this copy: the canonical link names it.
const site = new URL($<HTMLLinkElement>('link[rel="canonical"]').href);
const status = $('[data-handout-status]');
const partsBox = $('[data-handout-parts]');

$('[data-handout-without-js]').remove();
const date = $('[data-handout-date]');
date.textContent = `Made on ${new Date().toLocaleDateString(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' })}.`;
date.hidden = false;
let drawQr = async () => {};
$('[data-handout-print]').addEventListener('click', () => void drawQr().then(() => print()));

function showCheck(ids: string[]): void {
  if (!ids.length) return;
  const signs = [...document.querySelectorAll<HTMLElement>('[data-handout-check] [data-sign]')];
  for (const li of signs) li.hidden = !ids.includes(li.dataset.sign!);
  const tier = triage(
    ids,
    signs.map((li) => ({ id: li.dataset.sign!, tier: li.dataset.tier as Tier })),
  );
  $(`[data-handout-check] [data-answer="${tier}"]`).hidden = false;
  $('[data-handout-check]').hidden = false;
}

/** Shows the signs to watch for, each tier's card only when it has one of them. */
function showWatch(ids: string[]): void {
  if (!ids.length) return;
  for (const card of document.querySelectorAll<HTMLElement>('[data-handout-watch] [data-watch-tier]')) {
    const signs = [...card.querySelectorAll<HTMLElement>('[data-sign]')];
    for (const li of signs) li.hidden = !ids.includes(li.dataset.sign!);
    card.hidden = signs.every((li) => li.hidden);
  }
  $('[data-handout-watch]').hidden = false;
}

async function loadPart(part: ResolvedPart): Promise<HTMLElement> {
  const box = el('section', '', 'handout-part');
  const heading = el('h2', part.sectionTitle ?? part.pageTitle);
  box.append(heading);
  const address = new URL(part.path + (part.anchor ? `#${part.anchor}` : ''), site).href;
  const source = el('p', part.anchor ? `From “${part.pageTitle}”: ` : 'Online at ', 'handout-source');
  source.append(Object.assign(el('a', address), { href: part.path + (part.anchor ? `#${part.anchor}` : '') }));
  box.append(source);
  try {
    const response = await fetch(part.path);
    if (!response.ok) throw new Error(String(response.status));
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const nodes = part.anchor ? sectionNodes(doc, part.anchor) : pageNodes(doc);
    if (!nodes?.length) throw new Error('no content');
    const base = new URL(part.path, location.href);
    box.append(...nodes.flatMap((n) => cleanCopy(n, base)));
    const reviewed = doc.querySelector('.review-dates')?.textContent?.trim();
    if (reviewed) box.append(el('p', reviewed, 'small review-dates'));
  } catch {
    box.append(el('p', 'This part could not be loaded. Open it with the address above.'));
  }
  return box;
}

async function assemble(): Promise<void> {
  const request = parseHandoutHash(location.hash);
  partsBox.replaceChildren();
  const signIds = [...document.querySelectorAll<HTMLElement>('[data-handout-check] [data-sign]')].map(
    (li) => li.dataset.sign!,
  );
  let pages: KnownPage[] = [];
  try {
    pages = ((await (await fetch('/links.json')).json()) as { pages: KnownPage[] }).pages;
  } catch {
    // Without the list no page can be checked, so none is shown; the signs still are.
  }
  const { parts, check, watch } = keepKnown(request, pages, signIds);
  if (!parts.length && !check.length && !watch.length) {
    status.replaceChildren(
      'This link names no page, section or warning sign of the guide. ',
      Object.assign(el('a', 'Make a handout on the For clinics page'), { href: '/for-clinics/#handout-builder' }),
      '.',
    );
    partsBox.dataset.ready = '';
    return;
  }
  // The address printed is the link as the site reads it: anything dropped stays dropped.
  drawQr = setPrintedAddressOnPrint(handoutUrl(site, { parts, check, watch }));
  showCheck(check);
  status.textContent = parts.length ? 'Loading the handout…' : '';
  partsBox.append(...(await Promise.all(parts.map(loadPart))));
  const notes = [...partsBox.querySelectorAll<HTMLElement>('.help-note')];
  if (watch.length) {
    // A safety net is one list on paper: each part's own get-help signs join the clinic's, under the
    // same care cards, and its notes go; the one emergency line comes along. Nothing is lost.
    const own = notes.flatMap((n) =>
      [...n.querySelectorAll<HTMLAnchorElement>('a[href]')].flatMap((a) =>
        parseCheckHash(new URL(a.href).hash, signIds),
      ),
    );
    showWatch([...new Set([...watch, ...own])]);
    const line = notes[0]?.querySelector('.emergency-line');
    if (line) $('[data-handout-watch] [data-watch-end]').before(line);
    for (const note of notes) note.remove();
  } else {
    // Every entry ends with the same "When to get help" note: once is enough on paper.
    for (const note of notes.slice(1)) note.remove();
  }
  // Never a silent cut: the link's extra parts are named (src/lib/handout.ts, MAX_PARTS).
  status.textContent = partLimitNote(request.named);
  $('[data-handout-tools]').hidden = false;
  $('[data-handout-notes]').hidden = false;
  partsBox.dataset.ready = '';
}

void assemble();
// A new link pasted into the address bar on this page.
addEventListener('hashchange', () => location.reload());

/**
 * The address now, its QR code only when the page is printed: a handout loads
 * no encoder until then. The print button waits for the code; a browser's own
 * print command starts it (the code may then show the page's own address).
 */
function setPrintedAddressOnPrint(url: string): () => Promise<void> {
  const text = document.querySelector('.printed-address strong');
  if (text) text.textContent = url;
  let drawn: Promise<void> | undefined;
  const draw = () => (drawn ??= setPrintedAddress(url));
  addEventListener('beforeprint', draw, { once: true });
  return draw;
}
