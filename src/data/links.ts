// The site map of this build (src/lib/site-map.ts) made from the collections:
// /links.json, /for-clinics/ and each entry page's sections and contents list
// read it, so a page and its links never disagree. tests/build/pages.test.ts
// checks it against the built pages both ways. Computed once per build.
import {
  entryContext,
  getBodyHeadings,
  getCauses,
  getFaqs,
  getRedFlags,
  getTiers,
  getTreatments,
  headline,
  type GuideEntry,
  type RelatedGroup,
} from './guide.ts';
import { siteMap, type SiteMapEntry, type SitePage, type SiteSection } from '../lib/site-map.ts';
import { entryPath } from '../lib/urls.ts';

/** What the site map needs of one entry: its title, order, body headings and references. */
function mapEntry(entry: GuideEntry, headings: SiteMapEntry['headings']): SiteMapEntry {
  return {
    collection: entry.collection,
    id: entry.id,
    title: headline(entry).title,
    order: entry.data.order,
    headings,
    cautions: entry.collection === 'treatments' && entry.data.cautions.length > 0,
    causes: 'causes' in entry.data ? entry.data.causes.map((r) => r.id) : [],
    treatments: 'treatments' in entry.data ? entry.data.treatments.map((r) => r.id) : [],
  };
}

/** The site map, from the collections and the body headings the content loader parsed (no body is rendered). */
async function buildSiteMap(): Promise<SitePage[]> {
  const [causes, treatments, faqs, flags, tiers, headings] = await Promise.all([
    getCauses(),
    getTreatments(),
    getFaqs(),
    getRedFlags(),
    getTiers(),
    getBodyHeadings(),
  ]);
  return siteMap({
    entries: [...causes, ...treatments, ...faqs].map((e) => {
      const key = `${e.collection}/${e.id}`;
      const body = headings.get(key);
      // Both come from one content sync: a gap is a bug in the loaders, not an editor's mistake.
      if (!body) throw new Error(`the headings collection has no entry ${key}.`);
      return mapEntry(e, body);
    }),
    signs: flags.map((f) => ({ id: f.id, tier: f.data.tier })),
    tiers: [...tiers].map(([id, t]) => ({ id, prefix: t.prefix, heading: t.heading })),
  });
}

let built: Promise<SitePage[]> | undefined;
/** Every page a clinic can link to, grouped in the order /for-clinics/ shows them; worked out once per build. */
export function getLinkablePages(): Promise<SitePage[]> {
  if (import.meta.env.DEV) return buildSiteMap();
  return (built ??= buildSiteMap());
}

let byUrl: Promise<Map<string, SitePage>> | undefined;
/** An entry's page in the site map (by URL: no search through 10,000 pages). */
async function pageOf(entry: GuideEntry): Promise<SitePage | undefined> {
  const url = entryPath(entry.collection, entry.id);
  if (import.meta.env.DEV) return (await buildSiteMap()).find((p) => p.url === url);
  return (await (byUrl ??= getLinkablePages().then((pages) => new Map(pages.map((p) => [p.url, p]))))).get(url);
}

export interface EntryOutline {
  /** The page's sections in order: the layout's, the body's h2 and h3, related lists, sources. */
  sections: SiteSection[];
  /** The related lists the page shows (empty ones are left out). */
  related: RelatedGroup[];
  sources: Awaited<ReturnType<typeof entryContext>>['sources'];
}

/** An entry page's sections from the site map, with the related entries and sources it shows. */
export async function entryOutline(entry: GuideEntry): Promise<EntryOutline> {
  const [page, { sources, related }] = await Promise.all([pageOf(entry), entryContext(entry)]);
  return { sections: page!.anchors, related: related.filter((g) => g.entries.length > 0), sources };
}
