// The handout maker on /for-clinics/ (src/components/HandoutBuilder.astro):
// lists the pages of /links.json with their sections as checkboxes, the signs
// from the page's own sign list, and keeps one /handout/ link in step with
// what is ticked, in the order it was ticked. The choices also live in this
// page's own query (`?pages=...&watch=...`, the handout link's fields), so a
// reload, Back or a discarded tab brings them back, and a clinic sheet on this
// page can open the maker filled in. Copying goes through
// src/scripts/copy-link.ts (button[data-copy]).
import {
  formatHandoutFields,
  handoutUrl,
  keepKnown,
  MAX_PARTS,
  parseHandoutHash,
  type HandoutPart,
  type KnownPage,
} from '../lib/handout.ts';
import type { ManifestPage } from '../lib/manifest.ts';
import { COLLECTION_LABELS } from '../site.ts';

const root = document.querySelector<HTMLElement>('[data-handout-builder]');
const $ = <E extends Element = HTMLElement>(selector: string) => root!.querySelector<E>(selector)!;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') =>
  Object.assign(document.createElement(tag), { textContent: text });

/** Collections a handout is made of, in the order the list shows them. */
const GROUPS = (['red-flags', 'causes', 'treatments', 'faq'] as const).map((c) => [c, COLLECTION_LABELS[c]] as const);

// The configured site (SITE_URL) from the canonical link, so the link names the published address.
const site = new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href);
/** What is ticked, in the order it was ticked: "page" or "page#anchor" -> its label. */
const chosen = new Map<string, string>();
const signs: string[] = [];
/** Whether the ticked signs are ones the patient has now (`check`) or ones to watch for (`watch`). */
const mode = () => ($<HTMLInputElement>('[name="sign-mode"]:checked').value === 'check' ? 'check' : 'watch');

function checkbox(
  value: string,
  label: string,
  onChange: (input: HTMLInputElement) => void,
  note?: HTMLElement,
): HTMLLabelElement {
  const input = Object.assign(document.createElement('input'), {
    type: 'checkbox',
    value,
    checked: chosen.has(value) || signs.includes(value),
  });
  input.addEventListener('change', () => onChange(input));
  const text = el('span', label);
  if (note) text.append(note);
  const wrap = el('label');
  wrap.append(input, text);
  return wrap;
}

function update(): void {
  const parts: HandoutPart[] = [...chosen.keys()].map((key) => {
    const [path, anchor] = key.split('#');
    return anchor ? { path: path!, anchor } : { path: path! };
  });
  const empty = parts.length === 0 && signs.length === 0;
  const watching = mode() === 'watch';
  const request = { parts, check: watching ? [] : signs, watch: watching ? signs : [] };
  const url = handoutUrl(site, request);
  const summary = $('[data-builder-summary]');
  summary.replaceChildren(...[...chosen.values()].map((label) => el('li', label)));
  if (signs.length)
    summary.append(
      el(
        'li',
        watching
          ? `Warning signs to watch for: ${signs.length}, each with what to do if it happens`
          : `Warning signs ticked: ${signs.length}, with what to do now`,
      ),
    );
  $('[data-builder-count]').textContent = `${parts.length} of at most ${MAX_PARTS} pages and parts chosen.`;
  $('[data-builder-empty]').hidden = !empty;
  $<HTMLInputElement>('[data-builder-link]').value = empty ? '' : url;
  const copy = $<HTMLButtonElement>('[data-builder-copy]');
  copy.dataset.copy = url;
  copy.disabled = empty;
  $<HTMLButtonElement>('[data-builder-print]').disabled = empty;
  const open = $<HTMLAnchorElement>('[data-builder-open]');
  open.href = new URL(url).pathname + new URL(url).hash;
  open.hidden = empty;
  // The choices in this page's address: a reload or Back finds them there (the hash, an in-page place, is kept).
  const fields = formatHandoutFields(request);
  history.replaceState(history.state, '', `${location.pathname}${fields ? `?${fields}` : ''}${location.hash}`);
}

function choose(input: HTMLInputElement, label: string): void {
  const limit = $('[data-builder-limit]');
  limit.textContent = '';
  if (!input.checked) chosen.delete(input.value);
  else if (chosen.size < MAX_PARTS) chosen.set(input.value, label);
  else {
    // Stopped here, not cut later: the handout would show only the first MAX_PARTS.
    input.checked = false;
    limit.textContent = `A handout holds at most ${MAX_PARTS} pages and parts. Untick one to add “${label}”.`;
  }
  update();
}

const sectionLabel = (page: KnownPage, title: string) => `${title}, from “${page.title}”`;

function pageItem(page: KnownPage): HTMLLIElement {
  const li = el('li');
  li.dataset.title = page.title.toLowerCase();
  li.dataset.words = [page.title, ...page.anchors.map((a) => a.title)].join(' ').toLowerCase();
  li.append(checkbox(page.url, page.title, (input) => choose(input, page.title)));
  if (page.anchors.length) {
    const details = el('details');
    details.append(el('summary', `Parts of this page (${page.anchors.length})`));
    // Made when first opened: hundreds of checkboxes nobody opened would only slow the page.
    details.addEventListener('toggle', () => {
      if (!details.open || details.querySelector('ul')) return;
      const list = el('ul');
      for (const a of page.anchors) {
        const item = el('li');
        item.append(checkbox(`${page.url}#${a.id}`, a.title, (input) => choose(input, sectionLabel(page, a.title))));
        list.append(item);
      }
      details.append(list);
    });
    // A section restored from the address shows ticked.
    details.open = [...chosen.keys()].some((key) => key.startsWith(`${page.url}#`));
    li.append(details);
  }
  return li;
}

function filter(words: string): void {
  const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
  for (const group of root!.querySelectorAll<HTMLElement>('[data-builder-group]')) {
    let shown = 0;
    for (const li of group.querySelectorAll<HTMLElement>(':scope > ul > li')) {
      li.hidden = !terms.every((t) => li.dataset.words!.includes(t));
      if (!li.hidden) shown++;
      // Found by a section's title: show the sections.
      const details = li.querySelector('details');
      if (details && !li.hidden && terms.length) details.open = !terms.every((t) => li.dataset.title!.includes(t));
    }
    group.hidden = shown === 0;
  }
}

/** The choices kept in this page's query, as far as the site still has them. */
function restore(pages: KnownPage[], signIds: string[]): void {
  const saved = parseHandoutHash(location.search);
  const known = keepKnown(saved, pages, signIds);
  for (const part of known.parts) {
    const page = pages.find((p) => p.url === part.path)!;
    chosen.set(
      part.anchor ? `${part.path}#${part.anchor}` : part.path,
      part.sectionTitle ? sectionLabel(page, part.sectionTitle) : part.pageTitle,
    );
  }
  signs.push(...(known.watch.length ? known.watch : known.check));
  if (known.check.length && !known.watch.length)
    $<HTMLInputElement>('[name="sign-mode"][value="check"]').checked = true;
  if (saved.named > MAX_PARTS)
    $('[data-builder-limit]').textContent =
      `This address named ${saved.named} pages and parts; a handout holds at most ${MAX_PARTS}: the first ${MAX_PARTS} are kept.`;
}

async function start(): Promise<void> {
  if (!root) return;
  const { pages } = (await (await fetch('/links.json')).json()) as { pages: ManifestPage[] };
  const signItems = [...document.querySelectorAll<HTMLElement>('[data-sign-list] [data-sign]')];
  restore(
    pages,
    signItems.map((item) => item.dataset.sign!),
  );
  const box = $('[data-builder-pages]');
  for (const [collection, label] of GROUPS) {
    const group = el('fieldset');
    group.dataset.builderGroup = collection;
    const list = el('ul');
    list.append(...pages.filter((p) => p.collection === collection).map(pageItem));
    group.append(el('legend', label), list);
    box.append(group);
  }
  for (const item of signItems) {
    const id = item.dataset.sign!;
    const li = el('li');
    const toggle = (input: HTMLInputElement) => {
      if (input.checked) signs.push(id);
      else signs.splice(signs.indexOf(id), 1);
      update();
    };
    li.append(checkbox(id, item.querySelector('[data-sign-text]')!.textContent!, toggle, el('code', id)));
    $('[data-builder-signs]').append(li);
  }
  for (const radio of root.querySelectorAll('[name="sign-mode"]')) radio.addEventListener('change', update);
  $<HTMLInputElement>('[data-builder-filter]').addEventListener('input', (e) =>
    filter((e.target as HTMLInputElement).value),
  );
  $('[data-builder-print]').addEventListener('click', printHandout);
  update();
  document.querySelector('[data-builder-without-js]')?.remove();
  root.hidden = false;
}

/** Opens the handout in a new tab and prints it once its parts have loaded. */
function printHandout(): void {
  const path = $<HTMLAnchorElement>('[data-builder-open]').getAttribute('href')!;
  const tab = open(path);
  if (!tab) return void (location.href = path);
  tab.addEventListener('load', () => {
    const ready = () => tab.document.querySelector('[data-handout-parts][data-ready]');
    const wait = new MutationObserver(() => {
      if (!ready()) return;
      wait.disconnect();
      tab.print();
    });
    if (ready()) tab.print();
    else wait.observe(tab.document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
}

void start();
