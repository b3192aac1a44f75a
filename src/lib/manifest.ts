// The link manifest (/links.json): every page a clinic can link to, with its
// sections. Pure: the routes hand it pages read from the collections.
import { isValidId, PAGE_PATH } from './urls.ts';
import { COLLECTION_LABELS } from '../site.ts';

export const MANIFEST_COLLECTIONS = ['red-flags', 'causes', 'treatments', 'faq', 'pages'] as const;
export type ManifestCollection = (typeof MANIFEST_COLLECTIONS)[number];

/** How /for-clinics/ heads each group of pages. */
export const MANIFEST_GROUP_LABELS: Record<ManifestCollection, string> = {
  'red-flags': COLLECTION_LABELS['red-flags'],
  causes: COLLECTION_LABELS.causes,
  treatments: COLLECTION_LABELS.treatments,
  faq: 'Questions (FAQ)',
  pages: 'Other pages',
};

/** Every section of these collections is listed on a page of its own (the full list is too big for /for-clinics/). */
export const SECTION_LIST_COLLECTIONS = [
  'causes',
  'treatments',
  'faq',
] as const satisfies readonly ManifestCollection[];
export const sectionListTitle = (collection: (typeof SECTION_LIST_COLLECTIONS)[number]) =>
  `${MANIFEST_GROUP_LABELS[collection]}: every page and section`;

export interface ManifestAnchor {
  id: string;
  title: string;
}
export interface ManifestPage {
  url: string;
  title: string;
  collection: ManifestCollection;
  anchors: ManifestAnchor[];
}
export interface LinkManifest {
  site: string;
  generated: string;
  pages: ManifestPage[];
}

/** A heading as `render()` reports it for an MDX entry. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The h2 and h3 of a rendered body: the headings that get a section link. */
export function headingAnchors(headings: readonly RenderedHeading[]): ManifestAnchor[] {
  return headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => ({ id: h.slug, title: h.text }));
}

/**
 * Checks and assembles the manifest. Throws on anything that would give a
 * clinic a bad link: a malformed or repeated URL, an empty title, or an
 * anchor id that is malformed or repeated on its page.
 */
export function buildManifest(input: {
  site: URL | string;
  generated: Date;
  pages: readonly ManifestPage[];
}): LinkManifest {
  const seen = new Set<string>();
  const pages = input.pages.map((page) => {
    if (!PAGE_PATH.test(page.url)) throw new Error(`links.json: "${page.url}" is not a page path like /causes/ice/.`);
    if (seen.has(page.url)) throw new Error(`links.json: ${page.url} is listed twice.`);
    seen.add(page.url);
    if (!page.title.trim()) throw new Error(`links.json: ${page.url} has no title.`);
    const ids = new Set<string>();
    for (const a of page.anchors) {
      if (!isValidId(a.id))
        throw new Error(
          `links.json: ${page.url} has a section id "${a.id}" that is not lowercase words joined by hyphens.`,
        );
      if (ids.has(a.id))
        throw new Error(`links.json: ${page.url} has two sections with the id "${a.id}": rename one heading.`);
      if (!a.title.trim()) throw new Error(`links.json: ${page.url}#${a.id} has no title.`);
      ids.add(a.id);
    }
    return {
      url: page.url,
      title: page.title,
      collection: page.collection,
      anchors: page.anchors.map(({ id, title }) => ({ id, title })),
    };
  });
  return { site: new URL(input.site).href, generated: input.generated.toISOString(), pages };
}

/** The id of a group's heading on /for-clinics/. */
export const groupAnchorId = (collection: ManifestCollection) => `links-to-${collection}`;

/** The manifest's pages in /for-clinics/ order, one group per collection, empty groups left out. */
export function groupByCollection(
  pages: readonly ManifestPage[],
): { id: string; collection: ManifestCollection; label: string; pages: ManifestPage[] }[] {
  return MANIFEST_COLLECTIONS.map((collection) => ({
    id: groupAnchorId(collection),
    collection,
    label: MANIFEST_GROUP_LABELS[collection],
    pages: pages.filter((p) => p.collection === collection),
  })).filter((g) => g.pages.length > 0);
}

/** Every URL the manifest publishes: each page, then each of its sections as `page#id`. */
export function manifestUrls(manifest: Pick<LinkManifest, 'pages'>): string[] {
  return manifest.pages.flatMap((p) => [p.url, ...p.anchors.map((a) => `${p.url}#${a.id}`)]);
}
