// The handout maker on /for-clinics/ (src/components/HandoutBuilder.astro):
// lists the pages of /links.json with their sections as checkboxes, the signs
// from the page's own sign list, and keeps one /handout/ link in step with
// what is ticked, in the order it was ticked. Copying goes through
// src/scripts/copy-link.ts (button[data-copy]).
import { handoutUrl, type HandoutPart, type KnownPage } from '../lib/handout.ts';
import type { ManifestPage } from '../lib/manifest.ts';

const root = document.querySelector<HTMLElement>('[data-handout-builder]');
const $ = <E extends Element = HTMLElement>(selector: string) => root!.querySelector<E>(selector)!;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => Object.assign(document.createElement(tag), { textContent: text });

/** Collections a handout is made of, in the order the list shows them. */
const GROUPS = [
  ['red-flags', 'When to get help'],
  ['causes', 'Causes'],
  ['treatments', 'Treatments'],
  ['faq', 'Questions'],
] as const;

// The configured site (SITE_URL) from the canonical link, so the link names the published address.
const site = new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href);
/** What is ticked, in the order it was ticked: "page" or "page#anchor" -> its label. */
const chosen = new Map<string, string>();
const signs: string[] = [];

function checkbox(value: string, label: string, onChange: (on: boolean) => void, note?: HTMLElement): HTMLLabelElement {
  const input = Object.assign(document.createElement('input'), { type: 'checkbox', value });
  input.addEventListener('change', () => onChange(input.checked));
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
  const url = handoutUrl(site, { parts, check: signs });
  const summary = $('[data-builder-summary]');
  summary.replaceChildren(...[...chosen.values()].map((label) => el('li', label)));
  if (signs.length) summary.append(el('li', `Warning signs ticked: ${signs.length}, with what to do`));
  $('[data-builder-empty]').hidden = !empty;
  $<HTMLInputElement>('[data-builder-link]').value = empty ? '' : url;
  const copy = $<HTMLButtonElement>('[data-builder-copy]');
  copy.dataset.copy = url;
  copy.disabled = empty;
  $<HTMLButtonElement>('[data-builder-print]').disabled = empty;
  const open = $<HTMLAnchorElement>('[data-builder-open]');
  open.href = new URL(url).pathname + new URL(url).hash;
  open.hidden = empty;
}

function choose(key: string, label: string, on: boolean): void {
  if (on) chosen.set(key, label);
  else chosen.delete(key);
  update();
}

function pageItem(page: KnownPage): HTMLLIElement {
  const li = el('li');
  li.dataset.title = page.title.toLowerCase();
  li.dataset.words = [page.title, ...page.anchors.map((a) => a.title)].join(' ').toLowerCase();
  li.append(checkbox(page.url, page.title, (on) => choose(page.url, page.title, on)));
  if (page.anchors.length) {
    const details = el('details');
    details.append(el('summary', `Parts of this page (${page.anchors.length})`));
    // Made when first opened: hundreds of checkboxes nobody opened would only slow the page.
    details.addEventListener('toggle', () => {
      if (!details.open || details.querySelector('ul')) return;
      const list = el('ul');
      for (const a of page.anchors) {
        const item = el('li');
        item.append(checkbox(`${page.url}#${a.id}`, a.title, (on) => choose(`${page.url}#${a.id}`, `${a.title}, from “${page.title}”`, on)));
        list.append(item);
      }
      details.append(list);
    });
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

async function start(): Promise<void> {
  if (!root) return;
  const { pages } = (await (await fetch('/links.json')).json()) as { pages: ManifestPage[] };
  const box = $('[data-builder-pages]');
  for (const [collection, label] of GROUPS) {
    const group = el('fieldset');
    group.dataset.builderGroup = collection;
    const list = el('ul');
    list.append(...pages.filter((p) => p.collection === collection).map(pageItem));
    group.append(el('legend', label), list);
    box.append(group);
  }
  for (const item of document.querySelectorAll<HTMLElement>('[data-sign-list] [data-sign]')) {
    const id = item.dataset.sign!;
    const li = el('li');
    const toggle = (on: boolean) => {
      if (on) signs.push(id);
      else signs.splice(signs.indexOf(id), 1);
      update();
    };
    li.append(checkbox(id, item.querySelector('[data-sign-text]')!.textContent!, toggle, el('code', id)));
    $('[data-builder-signs]').append(li);
  }
  $<HTMLInputElement>('[data-builder-filter]').addEventListener('input', (e) => filter((e.target as HTMLInputElement).value));
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
