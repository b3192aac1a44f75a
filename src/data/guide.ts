// Reads the collections for the routes: sorted lists and resolved references.
// A reference that does not resolve is a build error naming file and field.
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { TIERS, type Tier } from '../lib/triage.ts';

const byOrder = <E extends { id: string; data: { order: number } }>(a: E, b: E) =>
  a.data.order - b.data.order || a.id.localeCompare(b.id);

export const getCauses = async () => (await getCollection('causes')).sort(byOrder);
export const getTreatments = async () => (await getCollection('treatments')).sort(byOrder);
export const getFaqs = async () => (await getCollection('faq')).sort(byOrder);

/** Resolves an entry's references, failing loudly if one points nowhere. */
export async function resolve<C extends CollectionKey>(
  from: { id: string; filePath?: string | undefined },
  field: string,
  collection: C,
  refs: { id: string }[],
): Promise<CollectionEntry<C>[]> {
  return Promise.all(
    refs.map(async ({ id }) => {
      const found = await getEntry(collection, id);
      if (!found) throw new Error(`${from.filePath ?? from.id}: field "${field}" names "${id}", which is not in ${collection}.`);
      return found as CollectionEntry<C>;
    }),
  );
}

export async function getRedFlags() {
  const flags = await getCollection('redFlags');
  // Most serious tier first; inside a tier, the editors' order.
  return flags.sort((a, b) => TIERS.indexOf(a.data.tier) - TIERS.indexOf(b.data.tier) || a.data.order - b.data.order);
}

export async function getTiers(): Promise<Map<Tier, CollectionEntry<'redFlagTiers'>['data']>> {
  const tiers = await getCollection('redFlagTiers');
  const map = new Map(tiers.map((t) => [t.data.id, t.data]));
  for (const tier of TIERS) if (!map.has(tier)) throw new Error(`content/red-flag-tiers.yaml: tier "${tier}" is missing.`);
  return map;
}

export type GuideEntry = CollectionEntry<'causes'> | CollectionEntry<'treatments'> | CollectionEntry<'faq'>;

/** The title and one-line summary of any guide entry. */
export function headline(entry: GuideEntry): { title: string; summary: string } {
  return entry.collection === 'faq'
    ? { title: entry.data.question, summary: entry.data.shortAnswer }
    : { title: entry.data.title, summary: entry.data.summary };
}

/** An entry as a link in a list. */
export function listed(entry: GuideEntry) {
  return { href: `/${entry.collection}/${entry.id}/`, ...headline(entry) };
}

/** Everything an entry page shows besides its own body: related entries and sources. */
export async function entryContext(entry: GuideEntry) {
  const sources = await resolve(entry, 'sources', 'sources', entry.data.sources);
  const faqs = await getFaqs();
  const asks = (field: 'causes' | 'treatments') =>
    faqs.filter((f) => f.id !== entry.id && f.data[field].some((r) => r.id === entry.id)).map(listed);

  if (entry.collection === 'causes') {
    const treatments = await resolve(entry, 'treatments', 'treatments', entry.data.treatments);
    return {
      sources,
      related: [
        { id: 'what-helps', heading: 'What helps', entries: treatments.map(listed) },
        { id: 'questions', heading: 'Questions about this', entries: asks('causes') },
      ],
    };
  }
  if (entry.collection === 'treatments') {
    const causes = await resolve(entry, 'causes', 'causes', entry.data.causes);
    return {
      sources,
      related: [
        { id: 'what-it-helps-with', heading: 'What it helps with', entries: causes.map(listed) },
        { id: 'questions', heading: 'Questions about this', entries: asks('treatments') },
      ],
    };
  }
  const [causes, treatments] = await Promise.all([
    resolve(entry, 'causes', 'causes', entry.data.causes),
    resolve(entry, 'treatments', 'treatments', entry.data.treatments),
  ]);
  return {
    sources,
    related: [
      { id: 'related-causes', heading: 'Causes this answer draws on', entries: causes.map(listed) },
      { id: 'related-treatments', heading: 'Treatments this answer draws on', entries: treatments.map(listed) },
    ],
  };
}
