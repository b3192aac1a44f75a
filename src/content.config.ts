// The content model: the one place every collection's shape is defined.
// Messages are written for the editors who will read them in a failed build.
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { PHASES, SEVERITIES } from './lib/labels.ts';
import { TIERS } from './lib/triage.ts';

const CONTENT = path.resolve('content');

/** Ids an entry may point at, read from disk so a broken reference fails the build. */
const DATA_FILES = { sources: 'sources.yaml', redFlags: 'red-flags.yaml' } as const;
type RefCollection = 'causes' | 'treatments' | 'faq' | keyof typeof DATA_FILES;

function idsIn(collection: RefCollection): Set<string> {
  if (collection === 'sources' || collection === 'redFlags') {
    const list = parseYaml(fs.readFileSync(path.join(CONTENT, DATA_FILES[collection]), 'utf8')) as { id?: unknown }[] | null;
    return new Set((list ?? []).map((s) => String(s.id)));
  }
  return new Set(
    fs.readdirSync(path.join(CONTENT, collection))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, '')),
  );
}

/** A reference that must name an existing entry of `collection`. */
function ref(collection: RefCollection) {
  const known = idsIn(collection);
  return reference(collection).refine((r) => r !== undefined && known.has(r.id), {
    error: (issue) => {
      const id = (issue.input as { id?: string } | undefined)?.id ?? String(issue.input);
      const where = collection === 'sources' || collection === 'redFlags' ? DATA_FILES[collection] : `${collection}/`;
      return `"${id}" is not an entry in content/${where}. Check the spelling, or add that entry first.`;
    },
  });
}

const refs = (collection: Parameters<typeof ref>[0], min = 0) =>
  z.array(ref(collection)).min(min, {
    error: `list at least ${min} ${collection === 'sources' ? 'source id' : collection + ' id'}${min === 1 ? '' : 's'}.`,
  });

/** The two to four warning signs that matter for a topic, shown in its "get help" note. */
const topicRedFlags = () =>
  refs('redFlags', 2).max(4, { error: 'redFlags lists at most 4 warning-sign ids: pick the ones that matter most for this topic.' });

const text = (what: string) =>
  z.string({ error: (i) => (i.input === undefined ? `${what} is missing.` : `${what} must be text.`) })
    .trim()
    .min(1, { error: `${what} is empty.` });

const date = (what: string) =>
  z.date({ error: (i) => (i.input === undefined ? `${what} is missing. Write it as YYYY-MM-DD.` : `${what} must be a date written as YYYY-MM-DD, without quotes.`) });

/** Every page carries its editorial review dates; the next review must come after the last. */
const reviewed = {
  lastReviewed: date('lastReviewed'),
  nextReview: date('nextReview'),
};
const reviewOrder = <T extends { lastReviewed: Date; nextReview: Date }>(d: T, ctx: z.RefinementCtx) => {
  if (d.nextReview <= d.lastReviewed) {
    ctx.addIssue({ code: 'custom', path: ['nextReview'], message: 'nextReview must be after lastReviewed.' });
  }
};

/** Like z.object, but a misspelt or unknown field is an error that names it. */
const entry = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (i) =>
      i.code === 'unrecognized_keys'
        ? `unknown field ${i.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against src/content.config.ts.`
        : undefined,
  });

const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: (i) => `${what} must be one of: ${values.join(', ')} (got ${JSON.stringify(i.input)}).` });

const causes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/causes' }),
  schema: entry({
    title: text('title'),
    summary: text('summary'),
    severity: z.array(oneOf('severity', SEVERITIES)).min(1, { error: 'severity needs at least one of: mild, moderate, severe.' }),
    signs: z.array(text('each sign')).min(1, { error: 'signs needs at least one sign.' }),
    treatments: refs('treatments', 1),
    keywords: z.array(z.string()).default([]),
    order: z.number().int().default(100),
    redFlags: topicRedFlags(),
    sources: refs('sources', 1),
    ...reviewed,
  }).superRefine(reviewOrder),
});

const treatments = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/treatments' }),
  schema: entry({
    title: text('title'),
    summary: text('summary'),
    phase: z.array(oneOf('phase', PHASES)).min(1, { error: 'phase needs at least one of: now, recovery, prevention.' }),
    causes: refs('causes', 1),
    dosage: text('dosage').optional(),
    cautions: z.array(text('each caution')).default([]),
    keywords: z.array(z.string()).default([]),
    order: z.number().int().default(100),
    redFlags: topicRedFlags(),
    sources: refs('sources', 1),
    ...reviewed,
  }).superRefine(reviewOrder),
});

const faq = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/faq' }),
  schema: entry({
    question: text('question'),
    shortAnswer: text('shortAnswer'),
    causes: refs('causes').default([]),
    treatments: refs('treatments').default([]),
    keywords: z.array(z.string()).default([]),
    order: z.number().int().default(100),
    redFlags: topicRedFlags(),
    sources: refs('sources', 1),
    ...reviewed,
  }).superRefine(reviewOrder),
});

const redFlags = defineCollection({
  loader: file('./content/red-flags.yaml'),
  schema: entry({
    id: z.string(),
    sign: text('sign'),
    tier: oneOf('tier', TIERS),
    order: z.number({ error: 'order must be a number: where the sign sits in the checklist.' }).int(),
    why: text('why'),
    sources: refs('sources', 1),
    ...reviewed,
  }).superRefine(reviewOrder),
});

const redFlagTiers = defineCollection({
  loader: file('./content/red-flag-tiers.yaml'),
  schema: entry({
    id: oneOf('tier id', TIERS),
    prefix: text('prefix'),
    heading: text('heading'),
    action: text('action'),
    caution: text('caution').optional(),
  }),
});

/** The checklist's groups of signs; src/lib/red-flag-groups.ts checks each sign is in exactly one. */
const redFlagGroups = defineCollection({
  loader: file('./content/red-flag-groups.yaml'),
  schema: entry({
    id: z.string(),
    heading: text('heading'),
    signs: refs('redFlags', 1),
  }),
});

const sources = defineCollection({
  loader: file('./content/sources.yaml'),
  schema: entry({
    id: z.string(),
    title: text('title'),
    subtitle: text('subtitle').optional(),
    publisher: text('publisher').optional(),
    url: z.url({ error: 'url must be a full web address starting with https://' }).optional(),
    kind: oneOf('kind', ['article', 'external'] as const),
    note: text('note').optional(),
  }),
});

export const collections = { causes, treatments, faq, redFlags, redFlagTiers, redFlagGroups, sources };
