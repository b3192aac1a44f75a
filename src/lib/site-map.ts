// The site map: every page a clinic can link to, its title, its group and its
// sections in page order, worked out from the parsed content by one pure
// function. The content loader builds it from its own parse to check links;
// the build builds it from the collections for /links.json, /for-clinics/ and
// each entry's contents list. tests/build/site-map.test.ts proves the two equal.
import { groupByCollection, SECTION_LIST_COLLECTIONS, sectionListTitle, type ManifestCollection } from './manifest.ts';
import {
  CLINIC_SECTIONS,
  ENTRY_SECTIONS,
  FAQ_INDEX_LIST,
  RED_FLAG_SECTIONS,
  SEARCH_SECTIONS,
  type Section,
} from './sections.ts';
import { PHASE_LABELS, PHASES } from './labels.ts';
import { TIERS, type Tier } from './triage.ts';
import { collectionPath, entryPath, sectionListPath, type EntryCollection } from './urls.ts';
import type { SiteIndex } from './content-checks.ts';
import { PAGE_TITLES, SITE_NAME } from '../site.ts';

/**
 * Where a section comes from: the page's layout, the entry's body (h2, h3), a
 * related list, a tier card, a group of an index, or a part of /for-clinics/.
 */
export type SectionKind = 'layout' | 'body' | 'related' | 'tier' | 'group' | 'clinic';
export interface SiteSection extends Section {
  kind: SectionKind;
  /** A body heading's level: the contents list shows the h2 only. */
  depth?: number;
}
export interface SitePage {
  url: string;
  title: string;
  collection: ManifestCollection;
  anchors: SiteSection[];
}

/** Pages the build makes that are not for linking to: the not-found page and the offline answer. */
export const UNLISTED_PAGES: readonly string[] = ['/404.html', '/offline/'];

/** One cause, treatment or question, as both the loader and the build read it. */
export interface SiteMapEntry {
  collection: EntryCollection;
  id: string;
  title: string;
  order: number;
  /** The body's headings, in order (h2 and h3 become sections). */
  headings: readonly { depth: number; id: string; title: string }[];
  /** A treatment with cautions shows the "Be careful" section. */
  cautions: boolean;
  /** The ids in its frontmatter `causes` and `treatments` (empty where the collection has none). */
  causes: readonly string[];
  treatments: readonly string[];
}

export interface SiteMapInput {
  entries: readonly SiteMapEntry[];
  /** Every warning sign's tier. */
  signs: readonly { id: string; tier: Tier }[];
  /** Each tier's card heading: its hidden prefix, then its heading. */
  tiers: readonly { id: Tier; prefix: string; heading: string }[];
}

/** The related lists of an entry page, in page order; a list with no entries is left out. */
export const RELATED_LISTS = {
  causes: [
    { id: 'what-helps', title: 'What helps', from: 'treatments' },
    { id: 'questions', title: 'Questions about this', from: 'questions' },
  ],
  treatments: [
    { id: 'what-it-helps-with', title: 'What it helps with', from: 'causes' },
    { id: 'questions', title: 'Questions about this', from: 'questions' },
  ],
  faq: [
    { id: 'related-causes', title: 'Related causes', from: 'causes' },
    { id: 'related-treatments', title: 'Related treatments', from: 'treatments' },
  ],
} as const satisfies Record<
  EntryCollection,
  readonly { id: string; title: string; from: 'causes' | 'treatments' | 'questions' }[]
>;

/** The skip link's target on every page. */
const MAIN: Section = { id: 'main', title: 'main content' };

/** Ids an entry page of `collection` prints itself, with their titles: a body heading may not reuse them. */
export function reservedSections(collection: EntryCollection): Map<string, string> {
  return new Map(
    [
      ...(collection === 'causes' ? [ENTRY_SECTIONS.signs] : []),
      ...(collection === 'treatments' ? [ENTRY_SECTIONS.cautions] : []),
      ...RELATED_LISTS[collection],
      ENTRY_SECTIONS.getHelp,
      ENTRY_SECTIONS.sources,
      MAIN,
    ].map((s) => [s.id, s.title]),
  );
}

const section = (s: Section, kind: SectionKind): SiteSection => ({ id: s.id, title: s.title, kind });
const byOrder = (a: SiteMapEntry, b: SiteMapEntry) => a.order - b.order || a.id.localeCompare(b.id);

/** The questions that name each cause or treatment ("Questions about this"), in FAQ order, keyed `collection/id`. */
function askedAbout(faqs: readonly SiteMapEntry[]): Map<string, SiteMapEntry[]> {
  const asked = new Map<string, SiteMapEntry[]>();
  for (const faq of faqs) {
    for (const key of [...faq.causes.map((id) => `causes/${id}`), ...faq.treatments.map((id) => `treatments/${id}`)]) {
      asked.set(key, [...(asked.get(key) ?? []), faq]);
    }
  }
  return asked;
}

/** The ids each related list of an entry shows, in RELATED_LISTS order (empty lists included). */
export function relatedIds(
  entry: SiteMapEntry,
  asked: ReadonlyMap<string, readonly SiteMapEntry[]>,
): { id: string; title: string; ids: readonly string[] }[] {
  return RELATED_LISTS[entry.collection].map((list) => ({
    id: list.id,
    title: list.title,
    ids:
      list.from === 'questions'
        ? (asked.get(`${entry.collection}/${entry.id}`) ?? []).map((f) => f.id)
        : entry[list.from],
  }));
}

/**
 * The sections of an entry page in page order: a cause's signs, the body's
 * headings, a treatment's cautions, the get-help note, the related lists it
 * shows, sources. The one place this order is decided.
 */
function entrySections(entry: SiteMapEntry, asked: ReadonlyMap<string, readonly SiteMapEntry[]>): SiteSection[] {
  return [
    ...(entry.collection === 'causes' ? [section(ENTRY_SECTIONS.signs, 'layout')] : []),
    ...entry.headings
      .filter((h) => h.depth === 2 || h.depth === 3)
      .map((h): SiteSection => ({ id: h.id, title: h.title, kind: 'body', depth: h.depth })),
    ...(entry.collection === 'treatments' && entry.cautions ? [section(ENTRY_SECTIONS.cautions, 'layout')] : []),
    section(ENTRY_SECTIONS.getHelp, 'layout'),
    ...relatedIds(entry, asked)
      .filter((r) => r.ids.length > 0)
      .map((r) => section(r, 'related')),
    section(ENTRY_SECTIONS.sources, 'layout'),
  ];
}

/** Every page a clinic can link to, in the order /for-clinics/ and /links.json list them. */
export function siteMap(input: SiteMapInput): SitePage[] {
  const of = (c: EntryCollection) => input.entries.filter((e) => e.collection === c).sort(byOrder);
  const faqs = of('faq');
  const asked = askedAbout(faqs);
  const entryPages = (c: EntryCollection) =>
    of(c).map((e): SitePage => ({
      url: entryPath(c, e.id),
      title: e.title,
      collection: c,
      anchors: entrySections(e, asked),
    }));
  const tiers = new Map(input.tiers.map((t) => [t.id, t]));
  // The tier cards the red-flags page shows: tiers with signs, most serious first, then self-care.
  const shownTiers = TIERS.filter((t) => t !== 'self-care' && input.signs.some((s) => s.tier === t));
  const tierSections = [...shownTiers, 'self-care' as const].map((t): SiteSection => {
    const text = tiers.get(t);
    // The card heading reads its hidden prefix too ("Urgent advice: ...").
    return { id: t, title: text ? `${text.prefix} ${text.heading}` : t, kind: 'tier' };
  });
  const clinicPage: SitePage = {
    url: '/for-clinics/',
    title: PAGE_TITLES.forClinics,
    collection: 'pages',
    anchors: [],
  };
  const pages: SitePage[] = [
    {
      url: '/red-flags/',
      title: PAGE_TITLES.redFlags,
      collection: 'red-flags',
      anchors: [
        section(RED_FLAG_SECTIONS.check, 'layout'),
        section(RED_FLAG_SECTIONS.signs, 'layout'),
        ...tierSections,
        section(ENTRY_SECTIONS.sources, 'layout'),
      ],
    },
    { url: collectionPath('causes'), title: PAGE_TITLES.causes, collection: 'causes', anchors: [] },
    ...entryPages('causes'),
    {
      url: collectionPath('treatments'),
      title: PAGE_TITLES.treatments,
      collection: 'treatments',
      anchors: PHASES.map((phase) => ({ id: phase, title: PHASE_LABELS[phase], kind: 'group' })),
    },
    ...entryPages('treatments'),
    {
      url: collectionPath('faq'),
      title: PAGE_TITLES.faq,
      collection: 'faq',
      anchors: [
        section(FAQ_INDEX_LIST, 'layout'),
        ...faqs.map((f): SiteSection => ({ id: f.id, title: f.title, kind: 'group' })),
      ],
    },
    ...entryPages('faq'),
    { url: '/', title: SITE_NAME, collection: 'pages', anchors: [] }, // The start page's sections keep their ids but have no heading links.
    {
      url: '/search/',
      title: PAGE_TITLES.search,
      collection: 'pages',
      anchors: [section(SEARCH_SECTIONS.browse, 'layout')],
    },
    clinicPage,
    { url: '/handout/', title: PAGE_TITLES.handout, collection: 'pages', anchors: [] },
    ...SECTION_LIST_COLLECTIONS.map((c): SitePage => ({
      url: sectionListPath(c),
      title: sectionListTitle(c),
      collection: 'pages',
      anchors: [],
    })),
  ];
  // /for-clinics/ ends with every page, under a heading per group.
  clinicPage.anchors = [
    ...Object.values(CLINIC_SECTIONS).map((s) => section(s, 'clinic')),
    ...groupByCollection(pages).map((g) => ({ id: g.id, title: g.label, kind: 'clinic' as const })),
  ];
  return pages;
}

/** A page of the site map by its URL; throws when the site map has no such page. */
export function sitePage(pages: readonly SitePage[], url: string): SitePage {
  const page = pages.find((p) => p.url === url);
  if (!page) throw new Error(`the site map has no page ${url}.`);
  return page;
}

/**
 * What a link in the content may point to: every page of the site map with its
 * sections, the checklist's `#check=<id>` for each sign, and each redirected
 * address (its sections are not known). src/lib/content-checks.ts checks
 * links against this and nothing else.
 */
export function linkTargets(
  pages: readonly SitePage[],
  signIds: Iterable<string>,
  redirects: Iterable<string> = [],
): SiteIndex {
  const index: SiteIndex = new Map();
  for (const from of redirects) index.set(from.endsWith('/') ? from : `${from}/`, null);
  for (const p of pages) index.set(p.url, new Set(p.anchors.map((a) => a.id)));
  const check = index.get('/red-flags/');
  for (const id of signIds) check?.add(`check=${id}`);
  return index;
}
