// Generated FAQ entries for measuring how the build and search scale
// (scripts/bench.ts, and scripts/bench-search.ts when present). The text is
// made to look like real prose to Pagefind and to the build: sentences of
// varied length drawn from the guide's own words plus a synthetic vocabulary
// that keeps growing with the number of pages (Heaps' law, V = K * n^0.6),
// with word frequencies following Zipf's law (rank r drawn with weight 1/r).
// A handful of repeated words would make the index, and so the build, look
// far cheaper than real content does.
import fs from 'node:fs';
import path from 'node:path';
import { contentIds, readRedFlags, readSourceIds } from './content-data.ts';

export const GENERATED_PREFIX = 'generated-question-';

/** A small deterministic PRNG (mulberry32), so two runs build the same pages. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = [
  'ca',
  'lo',
  'ren',
  'ti',
  'mu',
  'sor',
  'ven',
  'ka',
  'dri',
  'po',
  'sel',
  'an',
  'tho',
  'mer',
  'gi',
  'lun',
  'ba',
  'tre',
  'vo',
  'shi',
  'nel',
  'dor',
  'fa',
  'qui',
  'zen',
  'ur',
  'pla',
  'strom',
  'ec',
  'wyn',
];

/** The n-th synthetic word: a unique, pronounceable string of syllables (base-30 digits of n). */
export function syntheticWord(n: number): string {
  let word = '';
  let k = n + SYLLABLES.length; // at least two syllables
  while (k > 0) {
    word += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return word;
}

/** The lowercase words of the guide's own entries, most frequent first. */
export function guideWords(contentDir: string): string[] {
  const counts = new Map<string, number>();
  for (const folder of ['causes', 'treatments', 'faq']) {
    const dir = path.join(contentDir, folder);
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.mdx') || f.startsWith(GENERATED_PREFIX)) continue;
      const body = fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/^---[\s\S]*?---/, '')
        .replace(/\]\([^)]*\)/g, ']');
      for (const w of body.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

/** Vocabulary size for a corpus of `pages` generated pages of ~`wordsPerPage` words (Heaps' law, K = 30, beta = 0.6). */
export const vocabularySize = (pages: number, wordsPerPage: number) => Math.round(30 * (pages * wordsPerPage) ** 0.6);

/** Draws ranks 0..size-1 with probability proportional to 1/(rank+1) (Zipf, s = 1), by inverting the harmonic CDF. */
function zipf(size: number, random: () => number) {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cdf[r] = sum += 1 / (r + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface GeneratedCorpus {
  count: number;
  words: number;
  vocabulary: number;
  distinctWordsUsed: number;
}

/**
 * The two lines the content check (src/lib/content-rules.ts) asks of any self-care page whose words touch a
 * strain or swelling: the random vocabulary does so on about half the pages, which would stop the build.
 */
/** Words those rules key on, left out of the random prose so chance sentences do not read as a second clot warning. */
const RULE_WORDS = new Set(['clot', 'clots', 'alcohol']);
const SAFETY_LINES =
  'Do not massage, roll, heat or stretch a fresh strain in the first 2 to 3 days: [see the first days](/causes/calf-strain-or-tear/#the-first-2-to-3-days). Swelling in one leg only? That can be a clot: [check the warning signs](/red-flags/#check=swollen-red-warm-one-leg).';

/**
 * Writes `count` extra FAQ entries into `projectDir`/content/faq that pass the
 * content schema and the content rules, removing any generated before. Each links to a cause, a
 * treatment and the warning signs like a real entry, and has 3 body sections.
 */
export function writeGeneratedFaqs(projectDir: string, count: number, seed = 7): GeneratedCorpus {
  const content = path.join(projectDir, 'content');
  const faqDir = path.join(content, 'faq');
  for (const f of fs.readdirSync(faqDir)) if (f.startsWith(GENERATED_PREFIX)) fs.rmSync(path.join(faqDir, f));
  if (count === 0) return { count, words: 0, vocabulary: 0, distinctWordsUsed: 0 };

  const causes = contentIds('causes', content);
  const treatments = contentIds('treatments', content);
  const sources = readSourceIds(content);
  const flags = readRedFlags(content).map((f) => f.id);

  const WORDS_PER_PAGE = 330; // about the length of a real FAQ answer
  const guide = guideWords(content).filter((w) => !RULE_WORDS.has(w));
  const size = Math.max(guide.length, vocabularySize(count, WORDS_PER_PAGE));
  // The guide's words take the frequent ranks, interleaved with synthetic ones so new words appear everywhere.
  const vocab: string[] = [];
  for (let r = 0, g = 0, s = 0; r < size; r++)
    vocab.push(g < guide.length && (r < 200 || r % 3 !== 0) ? guide[g++] : syntheticWord(s++));
  const random = prng(seed);
  const rank = zipf(vocab.length, random);
  const used = new Set<number>();
  let total = 0;
  const word = () => {
    const r = rank();
    used.add(r);
    total++;
    return vocab[r];
  };
  const sentence = () => {
    const n = 6 + Math.floor(random() * 16);
    const s = Array.from({ length: n }, word).join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');
  const heading = () => {
    const s = Array.from({ length: 2 + Math.floor(random() * 3) }, word).join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const yamlString = (s: string) => JSON.stringify(s);

  for (let i = 1; i <= count; i++) {
    const cause = causes[i % causes.length];
    const treatment = treatments[i % treatments.length];
    const pick = (from: string[], n: number) =>
      Array.from({ length: n }, (_, k) => from[(i * 7 + k * 5) % from.length]).filter((v, k, a) => a.indexOf(v) === k);
    const redFlags = pick(flags, 3);
    const question = `${heading()} ${word()} ${word()} question ${i}?`;
    const mdx = `---
question: ${yamlString(question)}
shortAnswer: ${yamlString(sentence())}
causes: [${cause}]
treatments: [${treatment}]
keywords: [${word()}, ${word()} ${word()}]
order: ${1000 + i}
redFlags: [${redFlags.join(', ')}]
sources: [${pick(sources, 2).join(', ')}]
lastReviewed: 2026-01-01
nextReview: 2027-01-01
---

${paragraph(4)} See [the cause](/causes/${cause}/).

## ${heading()}

${paragraph(5)} Try [this treatment](/treatments/${treatment}/).

### ${heading()}

${paragraph(3)}

## ${heading()}

${paragraph(4)} Check [the warning signs](/red-flags/).

${SAFETY_LINES}
`;
    fs.writeFileSync(path.join(faqDir, `${GENERATED_PREFIX}${i}.mdx`), mdx);
  }
  return { count, words: total, vocabulary: vocab.length, distinctWordsUsed: used.size };
}
