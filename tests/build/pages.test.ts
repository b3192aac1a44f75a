// What every built page must hold, read from dist/ with an HTML parser (no
// browser): the routes of the URL contract, one h1, the disclaimer, sharing
// metadata and JSON-LD, and the sections /links.json promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import {
  builtManifest,
  distDir,
  readPages,
  UNLISTED_PAGES,
  type BuiltPage,
  type Element,
} from '../../scripts/lib/built-site.ts';
import { contentIds, readRedFlags } from '../../scripts/lib/content-data.ts';
import { MANIFEST_COLLECTIONS, SECTION_LIST_COLLECTIONS } from '../../src/lib/manifest.ts';
import { ID_PATTERN } from '../../src/lib/urls.ts';
import { LOCALE, SITE_NAME } from '../../src/site.ts';

const all = readPages();
const pages = all.filter((p) => !p.redirect);
const byUrl = new Map(pages.map((p) => [p.url, p]));
const manifest = builtManifest();
const site = manifest.site;
const ENTRY_PAGE = new RegExp(`^/(causes|treatments|faq)/${ID_PATTERN}/$`);

const find = (page: BuiltPage, test: (el: Element) => boolean) => page.elements.filter(test);
const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
const hasClass = (el: Element, cls: string) => (el.attribs.class ?? '').split(/\s+/).includes(cls);
const meta = (page: BuiltPage, attr: 'name' | 'property', key: string) =>
  find(page, (el) => el.name === 'meta' && el.attribs[attr] === key).map((el) => el.attribs.content)[0];
/** The JSON-LD fields these checks read (schema.org's WebPage, MedicalWebPage, FAQPage). */
interface LdNode {
  '@context': string;
  '@type': string;
  url?: string;
  name?: string;
  lastReviewed: string;
  mainEntity: { name: string; acceptedAnswer: { text: string } }[];
  itemListElement: { '@type': string; position: number; name: string; item: string }[];
}
const jsonLd = (page: BuiltPage): LdNode[] =>
  find(page, (el) => el.name === 'script' && el.attribs.type === 'application/ld+json').map((el) =>
    JSON.parse(DomUtils.textContent(el)),
  );
const page = (url: string) => {
  const p = byUrl.get(url);
  assert.ok(p, `${url} was not built`);
  return p;
};

test('every route of the URL contract and every entry is built, each with one h1 that says something', () => {
  const contract = ['/', '/causes/', '/treatments/', '/faq/', '/red-flags/', '/search/', '/for-clinics/', '/404.html'];
  const entries = (['causes', 'treatments', 'faq'] as const).flatMap((c) => contentIds(c).map((id) => `/${c}/${id}/`));
  const wrong: string[] = [];
  for (const url of [...contract, ...entries]) {
    const p = byUrl.get(url);
    if (!p) {
      wrong.push(`${url}: not built`);
      continue;
    }
    const h1s = find(p, (el) => el.name === 'h1');
    if (h1s.length !== 1 || !text(h1s[0]!))
      wrong.push(`${url}: ${h1s.length} h1 element(s)${h1s.length === 1 ? ', empty' : ''}`);
  }
  assert.deepEqual(wrong, []);
});

test('every page says in its footer that it is general information, not a diagnosis', () => {
  const missing = pages.filter(
    (p) => !find(p, (el) => el.name === 'footer').some((f) => text(f).includes('general information, not a diagnosis')),
  );
  assert.deepEqual(
    missing.map((p) => p.url),
    [],
  );
});

test('the 404 page says the page moved or does not exist, and offers search and the main sections', () => {
  const p = page('/404.html');
  const main = find(p, (el) => el.name === 'main')[0]!;
  assert.match(text(main), /cannot find/);
  assert.match(text(main), /moved/);
  assert.match(text(main), /does not exist|typing mistake/);
  const inMain = DomUtils.findAll(() => true, main.children);
  assert.ok(
    inMain.some((el) => el.name === 'form' && el.attribs.role === 'search' && el.attribs.action === '/search/'),
    'a search form in main',
  );
  const hrefs = new Set(inMain.filter((el) => el.name === 'a').map((el) => el.attribs.href));
  for (const href of ['/', '/causes/', '/treatments/', '/faq/', '/red-flags/'])
    assert.ok(hrefs.has(href), `links to ${href}`);
});

test('an entry page shows summary, related entries, get-help note, sources and review dates', () => {
  const p = page('/causes/too-much-too-soon/');
  assert.ok(
    find(p, (el) => hasClass(el, 'summary')).some((el) => text(el)),
    'a summary',
  );
  assert.equal(find(p, (el) => el.attribs.id === 'what-helps').length, 1);
  const related = find(p, (el) => el.name === 'section' && hasClass(el, 'related'));
  assert.ok(
    DomUtils.findAll((el) => el.name === 'a', related[0]!.children).length > 0,
    'the first related list has links',
  );
  assert.equal(find(p, (el) => el.attribs.id === 'get-help-now').length, 1);
  const note = find(p, (el) => hasClass(el, 'help-note'))[0];
  assert.ok(
    note && DomUtils.findAll((el) => el.name === 'a' && el.attribs.href === '/red-flags/', note.children).length > 0,
    'the note links to /red-flags/',
  );
  const sourceList = find(p, (el) => el.attribs['aria-labelledby'] === 'sources')[0];
  assert.ok(
    sourceList && DomUtils.findAll((el) => el.name === 'li', sourceList.children).length > 0,
    'a list of sources',
  );
  const review = find(p, (el) => hasClass(el, 'review-dates'))[0]!;
  assert.equal(DomUtils.findAll((el) => el.name === 'time', review.children).length, 2);
});

test('a treatment lists the causes it helps, generated from the references', () => {
  const related = find(
    page('/treatments/gradual-progression/'),
    (el) => el.name === 'section' && hasClass(el, 'related'),
  )[0]!;
  assert.ok(
    DomUtils.findAll((el) => el.name === 'a' && el.attribs.href === '/causes/too-much-too-soon/', related.children)
      .length > 0,
  );
});

for (const p of pages) {
  test(`${p.url} has full sharing metadata and valid JSON-LD`, () => {
    const html = find(p, (el) => el.name === 'html')[0]!;
    assert.equal(html.attribs.lang, LOCALE);
    const title = text(find(p, (el) => el.name === 'title')[0]!);
    const ogTitle = meta(p, 'property', 'og:title');
    assert.ok(ogTitle);
    assert.ok([ogTitle, `${ogTitle} | ${SITE_NAME}`].includes(title), `<title>${title}</title> vs og:title ${ogTitle}`);
    const description = meta(p, 'name', 'description');
    assert.ok(description && description.length > 20, 'a description of more than 20 characters');
    assert.equal(meta(p, 'property', 'og:description'), description);
    assert.equal(meta(p, 'name', 'twitter:card'), 'summary');
    assert.equal(meta(p, 'property', 'og:type'), 'website');
    assert.equal(meta(p, 'property', 'og:site_name'), SITE_NAME);

    const data = jsonLd(p);
    for (const d of data) {
      assert.equal(d['@context'], 'https://schema.org');
      assert.equal(typeof d['@type'], 'string');
    }
    const ofType = (type: string) => data.filter((d) => d['@type'] === type);
    const canonicals = find(p, (el) => el.name === 'link' && el.attribs.rel === 'canonical');

    if (UNLISTED_PAGES.includes(p.url)) {
      assert.equal(canonicals.length, 0);
      assert.equal(meta(p, 'name', 'robots'), 'noindex');
      return;
    }
    const canonical = new URL(p.url, site).href;
    assert.deepEqual(
      canonicals.map((el) => el.attribs.href),
      [canonical],
    );
    assert.equal(meta(p, 'property', 'og:url'), canonical);

    if (ENTRY_PAGE.test(p.url)) {
      // The description is the entry's own summary.
      const main = find(p, (el) => el.name === 'main')[0]!;
      assert.equal(text(DomUtils.findOne((el) => hasClass(el, 'summary'), main.children)!), description);
      const [medical, ...more] = ofType('MedicalWebPage');
      assert.deepEqual(more, []);
      assert.equal(medical!.url, canonical);
      assert.equal(medical!.name, ogTitle);
      assert.match(medical!.lastReviewed, /^\d{4}-\d{2}-\d{2}$/);
      const review = find(p, (el) => hasClass(el, 'review-dates'))[0]!;
      assert.equal(
        DomUtils.findOne((el) => el.name === 'time', review.children)!.attribs.datetime,
        medical!.lastReviewed,
      );
    }

    const faqs = ofType('FAQPage');
    if (p.url === '/faq/') {
      assert.equal(faqs.length, 1);
      assert.equal(
        faqs[0]!.mainEntity.length,
        manifest.pages.filter((m) => ENTRY_PAGE.test(m.url) && m.url.startsWith('/faq/')).length,
      );
    } else if (p.url.startsWith('/faq/')) {
      assert.equal(faqs.length, 1);
      assert.equal(faqs[0]!.mainEntity[0].name, text(find(p, (el) => el.name === 'h1')[0]!));
      assert.equal(faqs[0]!.mainEntity[0].acceptedAnswer.text, description);
    } else {
      assert.deepEqual(faqs, []);
    }

    // BreadcrumbList exactly where there are breadcrumbs, naming the same trail.
    const trail = find(p, (el) => el.name === 'nav' && hasClass(el, 'breadcrumbs')).flatMap((nav) =>
      DomUtils.findAll((el) => el.name === 'a', nav.children).map((a) => ({ name: text(a), item: a.attribs.href! })),
    );
    const lists = ofType('BreadcrumbList');
    if (trail.length === 0) assert.deepEqual(lists, []);
    else {
      assert.equal(lists.length, 1);
      assert.deepEqual(
        lists[0]!.itemListElement,
        trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: new URL(c.item, site).href })),
      );
    }
  });
}

test('robots.txt names the sitemap by its full URL, and the sitemap lists every page in links.json', () => {
  const dist = distDir();
  const robots = fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8');
  assert.ok(robots.includes(`Sitemap: ${new URL('/sitemap-index.xml', site).href}\n`), robots);
  const locs = (file: string) =>
    DomUtils.findAll(
      (el) => el.name === 'loc',
      parseDocument(fs.readFileSync(path.join(dist, file), 'utf8'), { xmlMode: true }).children,
    ).map((el) => text(el));
  const sitemaps = locs('sitemap-index.xml').map((u) => new URL(u).pathname.slice(1));
  assert.deepEqual(sitemaps.flatMap(locs).sort(), manifest.pages.map((p) => new URL(p.url, site).href).sort());
});

test('links.json has the shape of the URL contract and names the configured site', () => {
  assert.deepEqual(Object.keys(manifest), ['site', 'generated', 'pages']);
  const home = find(page('/'), (el) => el.name === 'link' && el.attribs.rel === 'canonical')[0]!;
  assert.equal(manifest.site, home.attribs.href);
  assert.equal(new Date(manifest.generated).toISOString(), manifest.generated);
  for (const p of manifest.pages) {
    assert.deepEqual(Object.keys(p), ['url', 'title', 'collection', 'anchors'], p.url);
    assert.notEqual(p.title, '', p.url);
    assert.ok((MANIFEST_COLLECTIONS as readonly string[]).includes(p.collection), `${p.url}: ${p.collection}`);
    for (const a of p.anchors) assert.deepEqual(Object.keys(a), ['id', 'title'], p.url);
  }
});

test('every built page is in links.json, and every page in links.json is built', () => {
  assert.deepEqual(
    manifest.pages.map((p) => p.url).sort(),
    pages.map((p) => p.url).filter((u) => !UNLISTED_PAGES.includes(u)),
  );
});

for (const entry of manifest.pages) {
  test(`${entry.url} has the title and exactly the sections links.json gives`, () => {
    const p = page(entry.url);
    assert.equal(meta(p, 'property', 'og:title'), entry.title);
    const headings = find(p, (el) => (el.name === 'h2' || el.name === 'h3') && !!el.attribs.id).map((h) => ({
      id: h.attribs.id!,
      title: text(h),
    }));
    assert.deepEqual(headings, entry.anchors);
    const ids = find(p, (el) => !!el.attribs.id).map((el) => el.attribs.id!);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'repeated ids',
    );
    for (const a of entry.anchors) {
      assert.equal(
        find(p, (el) => el.name === 'a' && hasClass(el, 'section-link') && el.attribs.href === `#${a.id}`).length,
        1,
        `one section link to #${a.id}`,
      );
    }
  });
}

test('/for-clinics/ links to every page, and its section lists to every section, in links.json', () => {
  const listed = new Set<string>();
  for (const url of ['/for-clinics/', ...SECTION_LIST_COLLECTIONS.map((c) => `/for-clinics/${c}/`)]) {
    const main = find(page(url), (el) => el.name === 'main')[0]!;
    for (const a of DomUtils.findAll((el) => el.name === 'a', main.children)) listed.add(a.attribs.href!);
  }
  const wanted = manifest.pages.flatMap((p) => [p.url, ...p.anchors.map((a) => `${p.url}#${a.id}`)]);
  assert.deepEqual(
    wanted.filter((u) => !listed.has(u)),
    [],
  );
});

test('/for-clinics/ names every red flag with its sign, and its pre-filled check uses real names', () => {
  const flags = readRedFlags();
  const p = page('/for-clinics/');
  const rows = find(p, (el) => el.name === 'li' && el.attribs['data-sign'] !== undefined).map((li) => [
    text(DomUtils.findOne((el) => el.name === 'code', li.children)!),
    text(DomUtils.findOne((el) => el.attribs['data-sign-text'] !== undefined, li.children)!),
  ]);
  assert.deepEqual(rows.map(([id]) => id).sort(), flags.map((f) => f.id).sort());
  for (const f of flags)
    assert.ok(
      rows.some(([id, sign]) => id === f.id && sign === f.sign.replace(/\s+/g, ' ').trim()),
      `${f.id}: ${f.sign}`,
    );
  const main = find(p, (el) => el.name === 'main')[0]!;
  const example = DomUtils.findOne(
    (el) => el.name === 'a' && (el.attribs.href ?? '').startsWith('/red-flags/#check='),
    main.children,
  )!;
  const ids = example.attribs.href!.slice('/red-flags/#check='.length).split(',');
  assert.ok(ids.length > 1);
  for (const id of ids)
    assert.ok(
      flags.some((f) => f.id === id),
      id,
    );
});
