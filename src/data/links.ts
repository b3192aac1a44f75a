// Every linkable page with its sections, read from the collections: the one
// source for /links.json and the lists on /for-clinics/. Section lists follow
// the page order of the routes and layouts they describe; tests/e2e/links.spec.ts
// checks them against the built pages both ways.
import { render } from 'astro:content';
import { entryContext, getCauses, getFaqs, getRedFlags, getTiers, getTreatments, headline } from './guide.ts';
import { groupByCollection, headingAnchors, SECTION_LIST_COLLECTIONS, sectionListTitle, type ManifestAnchor, type ManifestPage } from '../lib/manifest.ts';
import { CLINIC_SECTIONS, ENTRY_SECTIONS, FAQ_INDEX_LIST, RED_FLAG_SECTIONS, SEARCH_SECTIONS } from '../lib/sections.ts';
import { TIERS } from '../lib/triage.ts';
import { PHASE_LABELS, PHASES } from '../lib/labels.ts';
import { collectionPath, entryPath, sectionListPath } from '../lib/urls.ts';
import { PAGE_TITLES, SITE_NAME } from '../site.ts';

type Entry = Awaited<ReturnType<typeof getCauses | typeof getTreatments | typeof getFaqs>>[number];

async function entryPage(entry: Entry): Promise<ManifestPage> {
  const [{ headings }, { related }] = await Promise.all([render(entry), entryContext(entry)]);
  const body = headingAnchors(headings);
  const relatedAnchors = related.filter((g) => g.entries.length > 0).map((g) => ({ id: g.id, title: g.heading }));
  const before: ManifestAnchor[] = entry.collection === 'causes' ? [ENTRY_SECTIONS.signs] : [];
  const after: ManifestAnchor[] = entry.collection === 'treatments' && entry.data.cautions.length > 0 ? [ENTRY_SECTIONS.cautions] : [];
  return {
    url: entryPath(entry.collection, entry.id),
    title: headline(entry).title,
    collection: entry.collection,
    anchors: [...before, ...body, ...after, ENTRY_SECTIONS.getHelp, ...relatedAnchors, ENTRY_SECTIONS.sources],
  };
}

/** Every page a clinic can link to, grouped in the order /for-clinics/ shows them. */
export async function getLinkablePages(): Promise<ManifestPage[]> {
  const [causes, treatments, faqs, flags, tiers] = await Promise.all([getCauses(), getTreatments(), getFaqs(), getRedFlags(), getTiers()]);
  // The tier cards the red-flags page shows: tiers with signs, then self-care.
  const shownTiers = TIERS.filter((t) => t === 'self-care' || flags.some((f) => f.data.tier === t));
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
    ...SECTION_LIST_COLLECTIONS.map((c): ManifestPage => ({ url: sectionListPath(c), title: sectionListTitle(c), collection: 'pages', anchors: [] })),
  ];
  // /for-clinics/ ends with every page, under a heading per group.
  clinicPage.anchors = [...Object.values(CLINIC_SECTIONS), ...groupByCollection(pages).map((g) => ({ id: g.id, title: g.label }))];
  return pages;
}
