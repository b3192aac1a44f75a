// Site-wide words and navigation, kept in one place.
import type { EntryCollection } from './lib/urls.ts';

/** What the navigation, breadcrumbs, search filters and handout maker call each collection: kept here, not in src/lib/urls.ts, whose module the checklist's script shares. */
export const COLLECTION_LABELS: Record<EntryCollection | 'red-flags', string> = {
  causes: 'Causes',
  treatments: 'Treatments',
  faq: 'Questions',
  'red-flags': 'When to get help',
};

export const SITE_NAME = 'Sore Calves Guide';
/** The language of every page, its dates and lists (BCP 47). */
export const LOCALE = 'en-GB';
export const SITE_TAGLINE = 'Calf soreness and calf pain in runners, in plain English';

/** Titles of the pages that are not entries; the pages and /links.json both use them. */
export const PAGE_TITLES = {
  causes: 'Why calves get sore',
  treatments: 'What helps sore calves',
  faq: 'Questions runners ask about sore calves',
  redFlags: COLLECTION_LABELS['red-flags'],
  search: 'Search the guide',
  forClinics: 'For clinics: link to the guide and print handouts',
  handout: 'Handout',
} as const;

/** The way to help leads: on a phone it starts the first row of links. */
export const NAV = [
  { href: '/red-flags/', label: COLLECTION_LABELS['red-flags'] },
  { href: '/causes/', label: COLLECTION_LABELS.causes },
  { href: '/treatments/', label: COLLECTION_LABELS.treatments },
  { href: '/faq/', label: COLLECTION_LABELS.faq },
  { href: '/for-clinics/', label: 'For clinics' },
] as const;

/**
 * The browsers the guide supports, each from its oldest version (README,
 * "Browsers"), as esbuild targets: astro.config.mjs builds for exactly these,
 * and tests/build/syntax.test.ts fails on emitted syntax any of them lacks.
 * Safari 16 is the newest an iPhone 8 or X can run.
 */
export const SUPPORTED_BROWSERS = [
  { name: 'Safari on iPhone and iPad', from: '16', target: 'ios16' },
  { name: 'Safari on the Mac', from: '16', target: 'safari16' },
  { name: 'Chrome (and Samsung Internet 25, built on Chromium 121)', from: '120', target: 'chrome120' },
  { name: 'Edge', from: '120', target: 'edge120' },
  { name: 'Firefox and Firefox ESR', from: '115', target: 'firefox115' },
] as const;

export const BUILD_TARGET: string[] = SUPPORTED_BROWSERS.map((b) => b.target);
