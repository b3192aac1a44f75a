// Reads the collections for the routes, once per build: sorted lists, the
// references between entries resolved through one index, and each entry's
// body headings. Every page of a build shares these results (module state),
// so 10,000 entries are read and indexed once, not once per page. Bodies are
// not: each entry page renders its own, so one MDX module at a time is loaded.
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByTier, TIERS, type Tier } from '../lib/triage.ts';
import { entryPath } from '../lib/urls.ts';
import { RELATED_LISTS } from '../lib/site-map.ts';

/**
 * Runs `load` once and hands every caller the same promise. In `astro dev`
 * content changes while the server runs, so nothing is cached there.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (cached ??= load()));
}

const byOrder = <E extends { id: string; data: { order: number } }>(a: E, b: E) =>
  a.data.order - b.data.order || a.id.localeCompare(b.id);

// Callers share these arrays: they must not sort or change them.
export const getCauses = once(async () => (await getCollection('causes')).sort(byOrder));
export const getTreatments = once(async () => (await getCollection('treatments')).sort(byOrder));
export const getFaqs = once(async () => (await getCollection('faq')).sort(byOrder));
const getSources = once(async () => new Map((await getCollection('sources')).map((s) => [s.id, s])));

/** Most serious tier first; inside a tier, the editors' `order`. */
export const getRedFlags = once(async () => {
  const flags = await getCollection('redFlags');
  return flags.sort((a, b) => TIERS.indexOf(a.data.tier) - TIERS.indexOf(b.data.tier) || a.data.order - b.data.order);
});

export const getTiers = once(async (): Promise<Map<Tier, CollectionEntry<'redFlagTiers'>['data']>> => {
  const tiers = await getCollection('redFlagTiers');
  // The content loader has checked that every tier is there.
  return new Map(tiers.map((t) => [t.data.id, t.data]));
});

export type GuideEntry = CollectionEntry<'causes'> | CollectionEntry<'treatments'> | CollectionEntry<'faq'>;
type Resolvable = 'causes' | 'treatments' | 'faq' | 'sources' | 'redFlags';

/** Every entry by collection and id, and the questions that name each cause or treatment. */
const getIndex = once(async () => {
  const [causes, treatments, faqs, sources, flags] = await Promise.all([
    getCauses(),
    getTreatments(),
    getFaqs(),
    getSources(),
    getRedFlags(),
  ]);
  const byId = {
    causes: new Map(causes.map((e) => [e.id, e])),
    treatments: new Map(treatments.map((e) => [e.id, e])),
    faq: new Map(faqs.map((e) => [e.id, e])),
    sources,
    redFlags: new Map(flags.map((e) => [e.id, e])),
  } satisfies Record<Resolvable, Map<string, unknown>>;
  // "Questions about this": the FAQs whose causes or treatments name an entry, in FAQ order.
  const askedAbout = new Map<string, GuideEntry[]>();
  for (const faq of faqs) {
    for (const ref of [...faq.data.causes, ...faq.data.treatments]) {
      const key = `${ref.collection}/${ref.id}`;
      const list = askedAbout.get(key);
      if (list) list.push(faq);
      else askedAbout.set(key, [faq]);
    }
  }
  return { byId, askedAbout };
});

/** An entry's references as entries (the content loader has checked that each one exists). */
export async function resolve<C extends Resolvable>(
  collection: C,
  refs: readonly { id: string }[],
): Promise<CollectionEntry<C>[]> {
  const known = (await getIndex()).byId[collection] as Map<string, CollectionEntry<C>>;
  return refs.map(({ id }) => known.get(id)!);
}

/** Each entry's body headings by `collection/id`, as the content loader parsed them (the headings collection). */
export const getBodyHeadings = once(
  async () => new Map((await getCollection('headings')).map((e) => [e.id, e.data.headings])),
);

/** The title and one-line summary of any guide entry. */
export function headline(entry: GuideEntry): { title: string; summary: string } {
  return entry.collection === 'faq'
    ? { title: entry.data.question, summary: entry.data.shortAnswer }
    : { title: entry.data.title, summary: entry.data.summary };
}

/** An entry as a link in a list. */
export function listed(entry: GuideEntry) {
  return { href: entryPath(entry.collection, entry.id), ...headline(entry) };
}

export interface RelatedGroup {
  id: string;
  heading: string;
  entries: ReturnType<typeof listed>[];
}

/** Everything an entry page shows besides its own body: related entries (src/lib/site-map.ts names the lists) and sources. */
export async function entryContext(
  entry: GuideEntry,
): Promise<{ sources: CollectionEntry<'sources'>[]; related: RelatedGroup[] }> {
  const { askedAbout } = await getIndex();
  const sources = await resolve('sources', entry.data.sources);
  const refs = {
    causes: 'causes' in entry.data ? await resolve('causes', entry.data.causes) : [],
    treatments: 'treatments' in entry.data ? await resolve('treatments', entry.data.treatments) : [],
    questions: askedAbout.get(`${entry.collection}/${entry.id}`) ?? [],
  };
  return {
    sources,
    related: RELATED_LISTS[entry.collection].map((list) => ({
      id: list.id,
      heading: list.title,
      entries: refs[list.from].map(listed),
    })),
  };
}

/** The warning signs grouped by tier, most serious first, with each tier's heading; tiers without signs left out. */
export const getFlagsByTier = once(async () => {
  const [flags, tiers] = await Promise.all([getRedFlags(), getTiers()]);
  return groupByTier(flags.map((entry) => ({ id: entry.id, tier: entry.data.tier, entry }))).map((g) => ({
    tier: g.tier,
    heading: tiers.get(g.tier)!.heading,
    flags: g.signs.map((s) => s.entry),
  }));
});
