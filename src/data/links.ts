// The outline of every page: which sections it shows, in page order. Entry
// pages (their layout and route) and the link manifest (/links.json and the
// lists on /for-clinics/) both read it, so a page and its links never
// disagree; tests/build/pages.test.ts checks them against the built pages
// both ways. Computed once per build and shared by every page.
import { entryContext, getCauses, getFaqs, getFlagsByTier, getTiers, getTreatments, headline, renderEntry, type GuideEntry, type RelatedGroup } from './guide.ts';
import { groupByCollection, headingAnchors, SECTION_LIST_COLLECTIONS, sectionListTitle, type ManifestPage } from '../lib/manifest.ts';
import { CLINIC_SECTIONS, ENTRY_SECTIONS, entryPageSections, FAQ_INDEX_LIST, RED_FLAG_SECTIONS, SEARCH_SECTIONS, type Section } from '../lib/sections.ts';
import { PHASE_LABELS, PHASES } from '../lib/labels.ts';
import { collectionPath, entryPath, sectionListPath } from '../lib/urls.ts';
import { PAGE_TITLES, SITE_NAME } from '../site.ts';

export interface EntryOutline {
  /** The page's sections in order: the layout's, the body's h2 and h3, related lists, sources. */
  sections: Section[];
  /** The related lists the page shows (empty ones are left out). */
  related: RelatedGroup[];
  sources: Awaited<ReturnType<typeof entryContext>>['sources'];
}

const outlines = new Map<string, Promise<EntryOutline>>();
async function outlineOf(entry: GuideEntry): Promise<EntryOutline> {
  const [{ headings }, { sources, related }] = await Promise.all([renderEntry(entry), entryContext(entry)]);
  const shown = related.filter((g) => g.entries.length > 0);
  const sections = entryPageSections({
    collection: entry.collection,
    cautions: entry.collection === 'treatments' && entry.data.cautions.length > 0,
    body: headingAnchors(headings),
    related: shown.map((g) => ({ id: g.id, title: g.heading })),
  });
  return { sections, related: shown, sources };
}

/** An entry page's outline, worked out once per entry per build. */
export function entryOutline(entry: GuideEntry): Promise<EntryOutline> {
  if (import.meta.env.DEV) return outlineOf(entry);
  const key = `${entry.collection}/${entry.id}`;
  let outline = outlines.get(key);
  if (!outline) outlines.set(key, (outline = outlineOf(entry)));
  return outline;
}

async function entryPage(entry: GuideEntry): Promise<ManifestPage> {
  return { url: entryPath(entry.collection, entry.id), title: headline(entry).title, collection: entry.collection, anchors: (await entryOutline(entry)).sections };
}

let linkable: Promise<ManifestPage[]> | undefined;
/** Every page a clinic can link to, grouped in the order /for-clinics/ shows them; worked out once per build. */
export function getLinkablePages(): Promise<ManifestPage[]> {
  if (import.meta.env.DEV) return linkablePages();
  return (linkable ??= linkablePages());
}

async function linkablePages(): Promise<ManifestPage[]> {
  const [causes, treatments, faqs, flagsByTier, tiers] = await Promise.all([getCauses(), getTreatments(), getFaqs(), getFlagsByTier(), getTiers()]);
  // The tier cards the red-flags page shows: tiers with signs, then self-care.
  const shownTiers = [...flagsByTier.map((g) => g.tier), 'self-care' as const];
  const entries = await Promise.all([...causes, ...treatments, ...faqs].map(entryPage));
  const ofCollection = (c: 'causes' | 'treatments' | 'faq') => entries.filter((p) => p.collection === c);
  const clinicPage: ManifestPage = { url: '/for-clinics/', title: PAGE_TITLES.forClinics, collection: 'pages', anchors: [] };

  const pages: ManifestPage[] = [
    {
      url: '/red-flags/',
      title: PAGE_TITLES.redFlags,
      collection: 'red-flags',
      anchors: [
        RED_FLAG_SECTIONS.check,
        RED_FLAG_SECTIONS.signs,
        // The card heading reads its hidden prefix too ("Urgent advice: ...").
        ...shownTiers.map((t) => ({ id: t, title: `${tiers.get(t)!.prefix} ${tiers.get(t)!.heading}` })),
        ENTRY_SECTIONS.sources,
      ],
    },
    { url: collectionPath('causes'), title: PAGE_TITLES.causes, collection: 'causes', anchors: [] },
    ...ofCollection('causes'),
    {
      url: collectionPath('treatments'),
      title: PAGE_TITLES.treatments,
      collection: 'treatments',
      anchors: PHASES.map((phase) => ({ id: phase, title: PHASE_LABELS[phase] })),
    },
    ...ofCollection('treatments'),
    {
      url: collectionPath('faq'),
      title: PAGE_TITLES.faq,
      collection: 'faq',
      anchors: [FAQ_INDEX_LIST, ...faqs.map((f) => ({ id: f.id, title: f.data.question }))],
    },
    ...ofCollection('faq'),
    { url: '/', title: SITE_NAME, collection: 'pages', anchors: [] }, // The start page's sections keep their ids but have no heading links.
    { url: '/search/', title: PAGE_TITLES.search, collection: 'pages', anchors: [SEARCH_SECTIONS.browse] },
    clinicPage,
    { url: '/handout/', title: PAGE_TITLES.handout, collection: 'pages', anchors: [] },
    ...SECTION_LIST_COLLECTIONS.map((c): ManifestPage => ({ url: sectionListPath(c), title: sectionListTitle(c), collection: 'pages', anchors: [] })),
  ];
  // /for-clinics/ ends with every page, under a heading per group.
  clinicPage.anchors = [...Object.values(CLINIC_SECTIONS), ...groupByCollection(pages).map((g) => ({ id: g.id, title: g.label }))];
  return pages;
}
