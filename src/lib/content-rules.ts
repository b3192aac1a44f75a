// The content brief's rules that a parser can hold, over the plain text a
// reader sees: the guide's own voice, the brief's numbers, the first-days rule
// near a strain, and the one-leg clot warning wherever self-care text mentions
// swelling. Pure: the content check (src/content-loaders.ts, so `npm run
// check` and `npm run build`) and tests/unit/content-rules.test.ts run them.
import { parse } from 'yaml';
import { toPlainText } from './readability.ts';

/** Frontmatter fields a reader sees; ids, keywords, references and dates are not. */
export const READER_FIELDS = ['title', 'summary', 'question', 'shortAnswer', 'signs', 'dosage', 'cautions'];
export const sentence = (s: string) => (/[.!?:]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** One MDX file to plain text: reader-facing frontmatter fields, then the body. */
export function mdxText(raw: string): string {
  const m = raw.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  const data = (m ? parse(m[1]!) : {}) as Record<string, unknown>;
  const lead = READER_FIELDS.flatMap((k) => [data[k]].flat()).filter((v): v is string => typeof v === 'string').map(sentence);
  return [...lead, toPlainText(m ? m[2]! : raw)].join(' ');
}

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?:])\s+(?=[^a-z])/).map((s) => s.trim()).filter(Boolean);
}

// ---- 1. The guide speaks in its own voice ----

const SECOND_HAND = /\b(?:the|one|another|other|some|both|two|five) (?:of the (?:five )?)?(?:source )?articles?\b(?! on)|\bthe sources\b|\ba physio(?:therapist)? (?:says|said|suggests|recommends|disagrees|thinks|writes|finds|found)\b|\bwe take the safest view\b/i;

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
        const ok = m[0].startsWith('10 to 20 ') || (m[0].startsWith('20 ') && (/(?:up to|more than|longer than) $/i.test(before) || m[0].endsWith('at most')));
        if (!ok) flag(`ice for "${m[0]}" (say 10 to 20 minutes)`);
      }
      for (const m of s.matchAll(new RegExp(`every ${RANGE} hours?`, 'gi'))) if (m[0] !== 'every 2 to 3 hours') flag(`ice "${m[0]}" (say every 2 to 3 hours)`);
    }
    // The first days after a strain: 2 to 3.
    for (const m of s.matchAll(new RegExp(`\\bfirst ${RANGE} (days?|hours?)`, 'gi'))) {
      if (m[0].toLowerCase() !== 'first 2 to 3 days') flag(`"${m[0]}" (say the first 2 to 3 days)`);
    }
    // Weekly increase: about 10%; more than 20% is where problems are common. Step rate: about 5% at a time.
    const pcts = [...s.matchAll(/(\d+)(?: to (\d+))?\s*%/g)];
    if (pcts.length && /\b(?:step|cadence|stride)/i.test(s)) {
      for (const m of pcts) if (m[0].replace(/\s/g, '') !== '5%') flag(`step rate "${m[0]}" (raise it about 5% at a time)`);
    } else if (pcts.length && /\b(?:week|weekly|increase|add|adding|mileage|distance|build)/i.test(s)) {
      for (const m of pcts) {
        const p = m[0].replace(/\s/g, '');
        const ok = p === '10%' || (p === '20%' && /\b(?:more than|above|over)\s+20\s*%/.test(s));
        if (!ok) flag(`weekly increase "${m[0]}" (say about 10%; problems common above 20%)`);
      }
    }
    // Get checked when no better after 7 to 10 days. Shin splints keep the NHS's own rule (a week).
    if (/\b(?:no|not|isn't|is not|aren't)\s+(?:getting\s+|any\s+|feeling\s+)?(?:better|improving|improved|settling)\b|\bget (?:it )?checked\b/i.test(s) && !/\bshin/i.test(s)) {
      for (const m of s.matchAll(new RegExp(`${RANGE} (days?|weeks?)|\\ba (week|fortnight)\\b`, 'gi'))) {
        if (m[0].toLowerCase() !== '7 to 10 days') flag(`get checked after "${m[0]}" (say no better after 7 to 10 days)`);
      }
    }
    // Step rate: 170 to 180 only as a rough guide, never a target (said in the same or the next
    // sentence). Other rates only in a worked example of the 5% step.
    const example = /\bfor example\b|\be\.g\.|\b5%/i.test(prev + s);
    for (const m of s.matchAll(/(\d{3})(?: to (\d{3}))? steps? (?:a|per|each) minute/gi)) {
      const rough = m[1] === '170' && (!m[2] || m[2] === '180');
      if (!rough && !example) flag(`step rate "${m[0]}" (170 to 180 is the only figure, as a rough guide)`);
    }
    if (/\b170\b/.test(s) && /step|cadence/i.test(s) && (!/rough guide/i.test(s + next) || !/not a target/i.test(s + next) || /\baim (?:for|at)\b/i.test(s))) {
      flag('170 to 180 steps a minute must read "a rough guide, not a target"');
    }
  });
  return out;
}

// ---- 3. Massage, rolling, heat or stretching near a strain: the first-days rule ----

const CARE = /\b(?:massag\w*|foam[- ]roll\w*|roll(?:ing|er)|heat|warmth|hot (?:bath|water|pack)\w*|stretch(?!y)\w*)\b/i;
const INJURY = /\b(?:strain(?:s|ed)?|tears?|torn|injur(?:y|ies|ed))\b/i;

/** The first-days rule is there: first 2 to 3 days, then no massage, rolling, heat, alcohol or stretching close by. */
export function hasFirstDaysRule(text: string): boolean {
  return [...text.matchAll(/first 2 to 3 days/gi)].some((m) => {
    const near = text.slice(Math.max(0, m.index - 300), m.index + 500);
    return /\b(?:no|not|don't|do not|avoid|never)\b/i.test(near)
      && [/massag/i, /\broll/i, /\bheat\b/i, /alcohol/i, /stretch/i].every((r) => r.test(near));
  });
}

/** Sentences that speak of massage, rolling, heat or stretching together with a strain or injury. */
export function careNearInjury(text: string): string[] {
  return sentences(text).filter((s) => CARE.test(s) && INJURY.test(s));
}

// ---- 4. Every self-care mention of swelling carries the one-leg warning ----

/** Swelling of the hands is a sign of over-drinking, not of a calf problem. */
const SWELLING = /\b(?:swell\w*|swollen)\b(?! (?:of |in )?(?:the |your )?hands)/i;

export function swellingWithoutWarning(text: string): string[] {
  if (/\bone (?:leg|calf)\b/i.test(text) && /\bclot\b/i.test(text)) return [];
  return sentences(text).filter((s) => SWELLING.test(s));
}

/** Every rule's findings for one text, as plain messages (self-care pages carry rules 3 and 4). */
export function ruleProblems(text: string, selfCare: boolean): string[] {
  return [
    ...secondHand(text).map((s) => `say it in the guide's own voice, not "the articles" or "a physio says": "${s}"`),
    ...wrongNumbers(text).map((w) => `use the brief's numbers: ${w}`),
    ...(selfCare && !hasFirstDaysRule(text) ? careNearInjury(text).map((s) => `add the first-days rule (for the first 2 to 3 days after a strain: no massage, no rolling, no heat, no alcohol, no stretching of the hurt muscle) near: "${s}"`) : []),
    ...(selfCare ? swellingWithoutWarning(text).map((s) => `add the one-leg warning (swelling in one leg may be a blood clot: get medical help today, /red-flags/#check=swollen-red-warm-one-leg) near: "${s}"`) : []),
  ];
}
