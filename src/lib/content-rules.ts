// The content brief's rules that a parser can hold, over the plain text a
// reader sees: the guide's own voice, the brief's numbers, the first-days rule
// near a strain (one sentence; the full list has one home), and a pointer to
// the clot warning where self-care text treats swelling or a strain. Pure: the content check (src/content-loaders.ts, so `npm run
// check` and `npm run build`) and tests/unit/content-rules.test.ts run them.
import { parse } from 'yaml';
import { splitFrontmatter } from './frontmatter.ts';
import { toPlainText } from './readability.ts';

/** Frontmatter fields a reader sees; ids, keywords, references and dates are not. */
export const READER_FIELDS = ['title', 'summary', 'question', 'shortAnswer', 'signs', 'dosage', 'cautions'];
export const sentence = (s: string) => (/[.!?:]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The fields a reader sees in each data file of content/, which the rules read too. */
export const DATA_READER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'red-flags.yaml': ['sign', 'why'],
  'red-flag-tiers.yaml': ['prefix', 'heading', 'action', 'caution'],
  'sources.yaml': ['title', 'subtitle', 'publisher', 'note'],
};

/** A data file's reader-facing text: those fields of every item, each a sentence. */
export function dataText(items: readonly Record<string, unknown>[], fields: readonly string[]): string {
  return items
    .flatMap((item) =>
      fields
        .map((k) => item[k])
        .filter((v): v is string => typeof v === 'string')
        .map(sentence),
    )
    .join(' ');
}

/** One MDX file to plain text: reader-facing frontmatter fields, then the body. */
export function mdxText(raw: string): string {
  const { frontmatter, body } = splitFrontmatter(raw);
  const data = (frontmatter === undefined ? {} : parse(frontmatter)) as Record<string, unknown>;
  const lead = READER_FIELDS.flatMap((k) => [data[k]].flat())
    .filter((v): v is string => typeof v === 'string')
    .map(sentence);
  return [...lead, toPlainText(body)].join(' ');
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+(?=[^a-z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---- 1. The guide speaks in its own voice ----

const SECOND_HAND =
  /\b(?:the|one|another|other|some|both|two|five) (?:of the (?:five )?)?(?:source )?articles?\b(?! on)|\bthe sources\b|\ba physio(?:therapist)? (?:says|said|suggests|recommends|disagrees|thinks|writes|finds|found)\b|\bwe take the safest view\b/i;

export function secondHand(text: string): string[] {
  return sentences(text).filter((s) => SECOND_HAND.test(s));
}

// ---- 2. Key numbers are the same wherever they are given ----

/** "10 to 20", "15", "10-20", "10–20" as written in a sentence; "percent"/"per cent" read as "%". */
const norm = (s: string) => s.replace(/\s*(?:per ?cent)\b/gi, '%').replace(/(\d)\s*[-–]\s*(\d)/g, '$1 to $2');
const RANGE = String.raw`(\d+(?:\.\d+)?)(?: to (\d+(?:\.\d+)?))?`;

export function wrongNumbers(text: string): string[] {
  const out: string[] = [];
  const all = sentences(text);
  all.forEach((raw, i) => {
    const s = norm(raw);
    const next = norm(all[i + 1] ?? '');
    const prev = norm(all[i - 1] ?? '');
    const flag = (why: string) => out.push(`${why}: "${raw}"`);

    // Ice: 10 to 20 minutes, every 2 to 3 hours.
    if (/\bic(?:e|ed|ing)\b/i.test(s)) {
      for (const m of s.matchAll(new RegExp(`(?<!first )${RANGE} minutes?(?: at most)?`, 'gi'))) {
        const before = s.slice(Math.max(0, m.index - 13), m.index);
        const ok =
          m[0].startsWith('10 to 20 ') ||
          (m[0].startsWith('20 ') && (/(?:up to|more than|longer than) $/i.test(before) || m[0].endsWith('at most')));
        if (!ok) flag(`ice for "${m[0]}" (say 10 to 20 minutes)`);
      }
      for (const m of s.matchAll(new RegExp(`every ${RANGE} hours?`, 'gi')))
        if (m[0] !== 'every 2 to 3 hours') flag(`ice "${m[0]}" (say every 2 to 3 hours)`);
    }
    // The first days after a strain: 2 to 3.
    for (const m of s.matchAll(new RegExp(`\\bfirst ${RANGE} (days?|hours?)`, 'gi'))) {
      if (m[0].toLowerCase() !== 'first 2 to 3 days') flag(`"${m[0]}" (say the first 2 to 3 days)`);
    }
    // Weekly increase: about 10%; more than 20% is where problems are common. Step rate: about 5% at a time.
    const pcts = [...s.matchAll(/(\d+)(?: to (\d+))?\s*%/g)];
    if (pcts.length && /\b(?:step|cadence|stride)/i.test(s)) {
      for (const m of pcts)
        if (m[0].replace(/\s/g, '') !== '5%') flag(`step rate "${m[0]}" (raise it about 5% at a time)`);
    } else if (pcts.length && /\b(?:week|weekly|increase|add|adding|mileage|distance|build)/i.test(s)) {
      for (const m of pcts) {
        const p = m[0].replace(/\s/g, '');
        const ok = p === '10%' || (p === '20%' && /\b(?:more than|above|over)\s+20\s*%/.test(s));
        if (!ok) flag(`weekly increase "${m[0]}" (say about 10%; problems common above 20%)`);
      }
    }
    // Get checked when no better after 7 to 10 days. Shin splints keep the NHS's own rule (a week).
    if (
      /\b(?:no|not|isn't|is not|aren't)\s+(?:getting\s+|any\s+|feeling\s+)?(?:better|improving|improved|settling)\b|\bget (?:it )?checked\b/i.test(
        s,
      ) &&
      !/\bshin/i.test(s)
    ) {
      for (const m of s.matchAll(new RegExp(`${RANGE} (days?|weeks?)|\\ba (week|fortnight)\\b`, 'gi'))) {
        if (m[0].toLowerCase() !== '7 to 10 days')
          flag(`get checked after "${m[0]}" (say no better after 7 to 10 days)`);
      }
    }
    // Step rate: 170 to 180 only as a rough guide, never a target (said in the same or the next
    // sentence). Other rates only in a worked example of the 5% step.
    const example = /\bfor example\b|\be\.g\.|\b5%/i.test(prev + s);
    for (const m of s.matchAll(/(\d{3})(?: to (\d{3}))? steps? (?:a|per|each) minute/gi)) {
      const rough = m[1] === '170' && (!m[2] || m[2] === '180');
      if (!rough && !example) flag(`step rate "${m[0]}" (170 to 180 is the only figure, as a rough guide)`);
    }
    if (
      /\b170\b/.test(s) &&
      /step|cadence/i.test(s) &&
      (!/rough guide/i.test(s + next) || !/not a target/i.test(s + next) || /\baim (?:for|at)\b/i.test(s))
    ) {
      flag('170 to 180 steps a minute must read "a rough guide, not a target"');
    }
  });
  return out;
}

// ---- 3. Massage, rolling, heat or stretching near a strain: "not in the first 2 to 3 days" ----
// The full first-days rule has one home (the strain page's section); a page where one of these
// meets a strain says so in one sentence, and no page repeats the whole list.

const CARE = /\b(?:massag\w*|foam[- ]roll\w*|roll(?:s|ing|er)?|heat|hot (?:bath|water|pack)\w*|stretch(?!y)\w*)\b/i;
const INJURY = /\b(?:strain(?:s|ed)?|tears?|torn|injur(?:y|ies|ed))\b/i;
const NOT = /\b(?:no|not|don't|do not|avoid|never|wait)\b/i;
const DONTS = [/massag/i, /\broll/i, /\bheat\b/i, /alcohol/i, /stretch/i];
export const FIRST_DAYS_HOME = '/causes/calf-strain-or-tear/#the-first-2-to-3-days';
/** The full list lives on the strain page, and on the question a runner asks mid-run, where it is first aid. */
export const FIRST_DAYS_FILES = [
  'causes/calf-strain-or-tear.mdx',
  'faq/what-should-i-do-if-my-calf-hurts-during-a-run.mdx',
];

/** The one sentence: not (massage, rolling, heat, stretching) in the first 2 to 3 days. */
export function hasFirstDaysRule(text: string): boolean {
  return sentences(text).some((s) => /first 2 to 3 days/i.test(s) && NOT.test(s) && CARE.test(s));
}

/** Sentences that speak of massage, rolling, heat or stretching together with a strain or injury. */
export function careNearInjury(text: string): string[] {
  return sentences(text).filter((s) => CARE.test(s) && INJURY.test(s));
}

/** Sentences that paste the list of first-days don'ts: alcohol and two more (a clot's "do not ice, massage or roll" is not it). */
export function firstDaysBlocks(text: string): string[] {
  return sentences(text).filter((s) => NOT.test(s) && /alcohol/i.test(s) && DONTS.filter((r) => r.test(s)).length >= 3);
}

// ---- 4. Swelling and strains point to the clot warning; the warning itself has one home ----

/** Swelling of the hands is a sign of over-drinking, not of a calf problem. */
const SWELLING = /\b(?:swell\w*|swollen)\b(?! (?:of |in )?(?:the |your )?hands)/i;
const ONE_LEG = /\bone (?:leg|calf)\b/i;
const CLOT = /\bclots?\b/i;
/** Where the full one-leg warning lives: the clot question (and /red-flags/, which is data). */
export const CLOT_HOMES = ['faq/could-my-calf-pain-be-a-blood-clot.mdx'];
/** A link to the clot question or to the check with a clot sign ticked. */
export const CLOT_POINTER =
  /\]\((?:\/faq\/could-my-calf-pain-be-a-blood-clot\/(?:#[a-z0-9-]+)?|\/red-flags\/#check=(?:swollen-red-warm-one-leg|higher-clot-risk))\)/;

const FIRST_AID =
  /\b(?:ic(?:e|ing)|rest|bandage|wrap|raise|first aid|R?ICE|massag\w*|roll(?:ing|er)?|heat|stretch(?!y)\w*|painkillers?)\b/i;

/** Does this self-care text treat swelling or a strain (so a reader may need the clot pointer)? */
export function treatsSwellingOrStrain(text: string): boolean {
  return sentences(text).some((s) => SWELLING.test(s) || (/\bstrain(?:s|ed)?\b/i.test(s) && FIRST_AID.test(s)));
}

/** The full one-leg warning: one leg, swelling, warmth and redness named as a possible clot, in one or two sentences. */
export function fullClotWarnings(text: string): string[] {
  const all = sentences(text);
  return all.flatMap((s, i) => {
    const w = `${s} ${all[i + 1] ?? ''}`;
    const full =
      ONE_LEG.test(s) &&
      SWELLING.test(w) &&
      /\bwarm(?:th)?\b(?![- ](?:up|down))/i.test(w) &&
      /\b(?:red|redness|darker)\b/i.test(w) &&
      CLOT.test(w);
    return full ? [w.trim()] : [];
  });
}

/** Sentences that warn of a clot in one leg: the pointer, given at most once a page. */
export function clotLines(text: string): string[] {
  const all = sentences(text);
  return all.filter((s, i) => ONE_LEG.test(s) && CLOT.test(`${s} ${all[i + 1] ?? ''}`));
}

/** The same safety sentence pasted twice on one page. */
export function repeatedSafety(text: string): string[] {
  const seen = new Map<string, number>();
  for (const s of sentences(text)) {
    if (!(CLOT.test(s) || /first 2 to 3 days/i.test(s))) continue;
    const key = s
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, '')
      .replace(/\s+/g, ' ');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([s, n]) => `${n} times: "${s}"`);
}

/** Every rule's findings for one plain text (and its source, for links), as messages (self-care pages carry rules 3 and 4). */
export function ruleProblems(text: string, selfCare: boolean, raw = '', file = ''): string[] {
  const home = (files: string[]) => files.some((f) => file.endsWith(f));
  const clotLinesHere = selfCare && !home(CLOT_HOMES) ? clotLines(text) : [];
  return [
    ...secondHand(text).map((s) => `say it in the guide's own voice, not "the articles" or "a physio says": "${s}"`),
    ...wrongNumbers(text).map((w) => `use the brief's numbers: ${w}`),
    ...(selfCare && !hasFirstDaysRule(text)
      ? careNearInjury(text).map(
          (s) =>
            `say in one sentence that this is not for the first 2 to 3 days after a strain, and link to ${FIRST_DAYS_HOME}, near: "${s}"`,
        )
      : []),
    ...(selfCare && treatsSwellingOrStrain(text) && !CLOT_POINTER.test(raw)
      ? [
          'add one line: "Swelling in one leg only? That can be a clot: [check the warning signs](/red-flags/#check=swollen-red-warm-one-leg)."',
        ]
      : []),
    ...(selfCare && !home(CLOT_HOMES)
      ? fullClotWarnings(text).map(
          (s) =>
            `give the one-line pointer instead of the full clot warning (its home is ${CLOT_HOMES.join(', ')} and /red-flags/): "${s}"`,
        )
      : []),
    ...(selfCare && !home(FIRST_DAYS_FILES)
      ? firstDaysBlocks(text).map(
          (s) => `say only what this page needs in one sentence, and link to ${FIRST_DAYS_HOME}: "${s}"`,
        )
      : []),
    ...(selfCare ? repeatedSafety(text).map((s) => `say it once a page: ${s}`) : []),
    ...(clotLinesHere.length > 1
      ? clotLinesHere.slice(1).map((s) => `the clot pointer once a page is enough: "${s}"`)
      : []),
  ];
}
