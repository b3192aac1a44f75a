// Section headings that pages and the link manifest share. Clinics link to
// these ids, so the page and /links.json must never disagree about them.

export interface Section {
  id: string;
  title: string;
}

/** Sections of the entry pages that come from the layout, not the MDX body. */
export const ENTRY_SECTIONS = {
  signs: { id: 'signs-this-may-be-you', title: 'Signs this may be you' },
  cautions: { id: 'be-careful', title: 'Be careful' },
  getHelp: { id: 'get-help-now', title: 'When to get help' },
  sources: { id: 'sources', title: 'Sources' },
} as const satisfies Record<string, Section>;

/** The start page's sections. */
export const HOME_SECTIONS = {
  start: { id: 'sore-or-injured', title: 'Sore or injured?' },
  questions: { id: 'common-questions', title: 'Common questions' },
} as const satisfies Record<string, Section>;

/** The red-flags page's own sections; each tier card is a section too, with the tier as its id. */
export const RED_FLAG_SECTIONS = {
  check: { id: 'check-your-signs', title: 'Check your signs' },
  signs: { id: 'warning-signs', title: 'Warning signs and what to do' },
} as const satisfies Record<string, Section>;

/** The search page's own section (the fallback list of indexes). */
export const SEARCH_SECTIONS = {
  browse: { id: 'browse-guide', title: 'Browse the guide' },
} as const satisfies Record<string, Section>;

/** The FAQ index's list of questions (each question is a section of its own). */
export const FAQ_INDEX_LIST: Section = { id: 'all-questions', title: 'All questions' };

/** The sections of /for-clinics/, in page order; `pages` is last and has a subsection per group. */
export const CLINIC_SECTIONS = {
  builder: { id: 'handout-builder', title: 'Make a handout' },
  sheets: { id: 'clinic-sheets', title: 'Printable clinic sheets' },
  howToLink: { id: 'how-to-link', title: 'How to link to the guide' },
  checklist: { id: 'pre-filled-check', title: 'Send a pre-filled warning-sign check' },
  print: { id: 'print-a-handout', title: 'Print a handout' },
  selfHost: { id: 'host-your-own-copy', title: 'Host your own copy' },
  pages: { id: 'every-page', title: 'Every page you can link to' },
} as const satisfies Record<string, Section>;
