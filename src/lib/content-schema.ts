// The content model: every collection's fields, with messages written for the
// editors who read them in a failed build. Imports only astro/zod, so tests
// can check shapes in-process; how a reference is checked is passed in
// (Astro's reference() in the build, a plain id check in tests and pre-checks).
import { z } from 'astro/zod';
import { PHASES, SEVERITIES } from './labels.ts';
import { TIERS } from './triage.ts';
import { isValidId } from './urls.ts';

/** Collections an entry may refer to. */
export type RefTarget = 'causes' | 'treatments' | 'faq' | 'redFlags' | 'sources';
/** Builds the schema of one reference to an entry of `target`. */
export type RefCheck<R extends z.ZodType = z.ZodType> = (target: RefTarget) => R;

/** Why `id` is not a well-formed id, with a suggestion, or undefined when it is. */
export function idProblem(id: string): string | undefined {
  if (isValidId(id)) return undefined;
  const suggestion = id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `"${id}" is not a valid id: use lowercase words joined by hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}.`;
}

/** True when `text` is a real calendar date written YYYY-MM-DD (2026-13-45 is not). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export const id = (what = 'id') =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is missing.` : `${what} must be text.`) })
    .refine((v) => isValidId(v), { error: (i) => idProblem(String(i.input)) ?? `${what} is not valid.` });

export const text = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is missing.` : `${what} must be text.`) })
    .trim()
    .min(1, { error: `${what} is empty.` });

/** A date written YYYY-MM-DD that exists on the calendar. Accepts the text (data files) or a Date (frontmatter). */
export const date = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && isRealDate(v) ? new Date(`${v}T00:00:00Z`) : v),
    z.date({
      error: (i) =>
        i.input === undefined
          ? `${what} is missing. Write it as YYYY-MM-DD, e.g. 2026-11-21.`
          : `${what} must be a real date written as YYYY-MM-DD, e.g. 2026-11-21 (got ${JSON.stringify(i.input instanceof Date ? i.input.toISOString().slice(0, 10) : i.input)}).`,
    }),
  );

export const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: (i) => `${what} must be one of: ${values.join(', ')} (got ${JSON.stringify(i.input)}).` });

const whole = (what: string) =>
  z.number({ error: `${what} must be a whole number.` }).int({ error: `${what} must be a whole number.` });

/** Like z.object, but a misspelt or unknown field is an error that names it. */
export const entry = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (i) =>
      i.code === 'unrecognized_keys'
        ? `unknown field ${i.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against src/lib/content-schema.ts.`
        : i.input === undefined || i.input === null
          ? 'the entry is empty: it needs its fields.'
          : undefined,
  });

const LABEL: Record<RefTarget, string> = {
  causes: 'cause id',
  treatments: 'treatment id',
  faq: 'question id',
  redFlags: 'warning-sign id',
  sources: 'source id',
};

const refs = <R extends z.ZodType>(ref: RefCheck<R>, target: RefTarget, what: string, min = 0) =>
  z
    .array(ref(target), { error: `${what} must be a list of ${LABEL[target]}s, e.g. [first-id, second-id].` })
    .min(min, { error: `${what} must list at least ${min} ${LABEL[target]}${min === 1 ? '' : 's'}.` })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: (i) =>
        `${what} lists ${(i.input as unknown[])
          .filter((id, n, all) => all.indexOf(id) !== n)
          .map((id) => `"${String(id)}"`)
          .join(', ')} twice: remove the copy.`,
    });

const words = (what: string) =>
  z.array(z.string(), { error: `${what} must be a list, e.g. [first, second].` }).default([]);

/** Every page carries its editorial review dates; the next review must come after the last. */
const reviewed = { lastReviewed: date('lastReviewed'), nextReview: date('nextReview') };
type Reviewed = { lastReviewed: Date; nextReview: Date };
const reviewOrder = (d: Reviewed, ctx: z.RefinementCtx) => {
  if (d.nextReview <= d.lastReviewed) {
    ctx.addIssue({ code: 'custom', path: ['nextReview'], message: 'nextReview must be after lastReviewed.' });
  }
};

/** The two to four warning signs that matter for a topic, shown in its "get help" note. */
const topicRedFlags = <R extends z.ZodType>(ref: RefCheck<R>) =>
  refs(ref, 'redFlags', 'redFlags', 2).max(4, {
    error: 'redFlags lists at most 4 warning-sign ids: pick the ones that matter most for this topic.',
  });

/** What every cause, treatment and question carries besides its own fields. */
const entryFields = <R extends z.ZodType>(ref: RefCheck<R>) => ({
  keywords: words('keywords'),
  /** What runners type for this page (how it feels, when, where): indexed for search like keywords, shown nowhere. */
  searchPhrases: words('searchPhrases'),
  order: whole('order').default(100),
  redFlags: topicRedFlags(ref),
  sources: refs(ref, 'sources', 'sources', 1),
  ...reviewed,
});

export const causeSchema = <R extends z.ZodType>(ref: RefCheck<R>) =>
  entry({
    title: text('title'),
    summary: text('summary'),
    severity: z
      .array(oneOf('severity', SEVERITIES), { error: 'severity must be a list, e.g. [mild, moderate].' })
      .min(1, { error: 'severity needs at least one of: mild, moderate, severe.' }),
    signs: z
      .array(text('each sign'), { error: 'signs must be a list of sentences.' })
      .min(1, { error: 'signs needs at least one sign.' }),
    treatments: refs(ref, 'treatments', 'treatments', 1),
    ...entryFields(ref),
  }).superRefine(reviewOrder);

export const treatmentSchema = <R extends z.ZodType>(ref: RefCheck<R>) =>
  entry({
    title: text('title'),
    summary: text('summary'),
    phase: z
      .array(oneOf('phase', PHASES), { error: 'phase must be a list, e.g. [now, recovery].' })
      .min(1, { error: 'phase needs at least one of: now, recovery, prevention.' }),
    causes: refs(ref, 'causes', 'causes', 1),
    dosage: text('dosage').optional(),
    cautions: z.array(text('each caution'), { error: 'cautions must be a list of sentences.' }).default([]),
    ...entryFields(ref),
  }).superRefine(reviewOrder);

export const faqSchema = <R extends z.ZodType>(ref: RefCheck<R>) =>
  entry({
    question: text('question'),
    shortAnswer: text('shortAnswer'),
    causes: refs(ref, 'causes', 'causes').default([]),
    treatments: refs(ref, 'treatments', 'treatments').default([]),
    ...entryFields(ref),
  }).superRefine(reviewOrder);

export const redFlagSchema = <R extends z.ZodType>(ref: RefCheck<R>) =>
  entry({
    id: id(),
    sign: text('sign'),
    tier: oneOf('tier', TIERS),
    order: whole('order (where the sign sits in the checklist)'),
    why: text('why'),
    sources: refs(ref, 'sources', 'sources', 1),
    ...reviewed,
  }).superRefine(reviewOrder);

export const redFlagTierSchema = () =>
  entry({
    id: oneOf('tier id', TIERS),
    prefix: text('prefix'),
    heading: text('heading'),
    action: text('action'),
    caution: text('caution').optional(),
  });

/** The checklist's groups: each sign sits in exactly one (checked with the signs, in the loaders). */
export const redFlagGroupSchema = <R extends z.ZodType>(ref: RefCheck<R>) =>
  entry({
    id: id(),
    heading: text('heading'),
    signs: refs(ref, 'redFlags', 'signs', 1),
    /** Set by the loader from the group's place in the file: Astro's store sorts entries by id. */
    order: whole('order').optional(),
  });

export const sourceSchema = () =>
  entry({
    id: id(),
    title: text('title'),
    subtitle: text('subtitle').optional(),
    publisher: text('publisher').optional(),
    url: z.url({ error: 'url must be a full web address starting with https://' }).optional(),
    kind: oneOf('kind', ['article', 'external'] as const),
    note: text('note').optional(),
  });

/**
 * One cause's, treatment's or question's body headings (id `collection/id`), as the content check parsed them:
 * written by the loader (src/content-loaders.ts), never by an editor.
 */
export const entryHeadingsSchema = () =>
  z.object({
    headings: z.array(z.object({ depth: z.number(), id: z.string(), title: z.string() })),
  });

/** The shape of each collection's entries, for the loaders' own checks. */
export const ENTRY_FOLDERS = { causes: causeSchema, treatments: treatmentSchema, faq: faqSchema } as const;

export interface DataFileSpec {
  file: string;
  schema: (ref: RefCheck) => z.ZodType;
  /** Ids that must all be present. */
  required?: readonly string[];
}
export const DATA_FILES: Record<'sources' | 'redFlags' | 'redFlagTiers' | 'redFlagGroups', DataFileSpec> = {
  sources: { file: 'sources.yaml', schema: sourceSchema },
  redFlags: { file: 'red-flags.yaml', schema: redFlagSchema },
  redFlagGroups: { file: 'red-flag-groups.yaml', schema: redFlagGroupSchema },
  redFlagTiers: { file: 'red-flag-tiers.yaml', schema: redFlagTierSchema, required: TIERS },
};
