// The collections. Their fields live in src/lib/content-schema.ts; the loaders
// (src/content-loaders.ts) check every content file first, so a mistake fails
// both `npm run check` and `npm run build` with the file, the line and the fix.
import { defineCollection, reference } from 'astro:content';
import {
  causeSchema,
  faqSchema,
  treatmentSchema,
  redFlagGroupSchema,
  redFlagSchema,
  redFlagTierSchema,
  sourceSchema,
  entryHeadingsSchema,
  type RefTarget,
} from './lib/content-schema.ts';
import { checkedData, checkedEntries, entryHeadings } from './content-loaders.ts';

/** Astro's reference: the loaders have already checked that the id exists. */
const ref = (target: RefTarget) => reference(target);

const causes = defineCollection({ loader: checkedEntries('causes'), schema: causeSchema(ref) });
const treatments = defineCollection({ loader: checkedEntries('treatments'), schema: treatmentSchema(ref) });
const faq = defineCollection({ loader: checkedEntries('faq'), schema: faqSchema(ref) });
const redFlags = defineCollection({ loader: checkedData('redFlags'), schema: redFlagSchema(ref) });
const redFlagTiers = defineCollection({ loader: checkedData('redFlagTiers'), schema: redFlagTierSchema() });
const redFlagGroups = defineCollection({ loader: checkedData('redFlagGroups'), schema: redFlagGroupSchema(ref) });
const sources = defineCollection({ loader: checkedData('sources'), schema: sourceSchema() });
// Each entry's body headings, for the site map (src/data/links.ts) without rendering every body.
const headings = defineCollection({ loader: entryHeadings(), schema: entryHeadingsSchema() });

export const collections = { causes, treatments, faq, redFlags, redFlagTiers, redFlagGroups, sources, headings };
