// Scores the site's own search against the blind query set in
// tests/search-eval/ (see its README): each query runs through the search
// page itself (/search/?bench=1 in Chromium, window.__guideSearch), and the
// ranked list is what a reader sees: "/red-flags/" first when a warning-sign
// card shows, then the result pages in order. A query scores top-1 / top-3
// when one of its expected pages is there.
//
// The held-out set prints only aggregates, by kind and overall: never its
// queries or per-query results. A dev set can list its misses (--misses).
//
//   ./node_modules/.bin/node scripts/search-eval.ts dev|dev-N [--misses] [baseUrl]
//   ./node_modules/.bin/node scripts/search-eval.ts held-out|held-out-N [baseUrl]
// (EVAL_SETS lists them.)
// Without a baseUrl it serves dist/ (build first) on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { freePort } from './lib/free-port.ts';

export const EVAL_SETS = [
  'dev',
  'dev-3',
  'dev-4',
  'dev-5',
  'dev-6',
  'dev-7',
  'held-out',
  'held-out-2',
  'held-out-3',
  'held-out-4',
  'held-out-5',
] as const;
export type EvalSet = (typeof EVAL_SETS)[number];
/** The sets to tune against: they may list their misses. */
const isDev = (set: EvalSet) => set.startsWith('dev');
interface EvalQuery {
  query: string;
  kind: string;
  expect: string[];
}
interface Tally {
  n: number;
  top1: number;
  top3: number;
  /** FIRST_KINDS only: the answer first (see answeredFirst). */
  first: number;
}
export interface EvalReport {
  set: EvalSet;
  /** Every query, by kind and overall. */
  all: Record<string, Tally>;
  /** Only the queries whose expected pages all exist in this build. */
  built: Record<string, Tally>;
  /** How many queries expect a page this build lacks (written on another branch: rerun after merge). */
  pending: number;
  /** The pages expected but not built, with how many queries name each (paths only, never queries). */
  absent: Record<string, number>;
  /** Dev sets only: the queries that missed top 3 (or, for FIRST_KINDS, the answer first), with what showed. */
  misses?: { query: string; kind: string; expect: string[]; got: string[] }[];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const CHECKLIST = '/red-flags/';
/** Kinds whose answer must come first, not just in the top 3: a warning sign's card, the page on injuries elsewhere. */
const FIRST_KINDS = ['danger', 'uncovered'];

/**
 * Issue 23's "first" bar: a danger sign shows its warning card, or the page
 * that answers it, first; an injury the guide does not cover shows an
 * answering page as the first result (below any warning card, which is not a
 * calf page: an infected blister's fever still gets its card).
 */
export function answeredFirst(kind: string, shown: Shown, expect: readonly string[]): boolean {
  if (kind === 'danger') return shown.card || expect.includes(shown.pages[0] ?? '');
  return expect.includes(shown.pages[0] ?? '');
}

export function readSet(set: EvalSet): EvalQuery[] {
  const file = path.join(ROOT, 'tests/search-eval', `${set}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalQuery[];
  if (
    !Array.isArray(data) ||
    data.some(
      (q) =>
        typeof q.query !== 'string' || typeof q.kind !== 'string' || !Array.isArray(q.expect) || q.expect.length === 0,
    )
  ) {
    throw new Error(`${file}: each entry needs "query", "kind" and a non-empty "expect" list`);
  }
  return data;
}

/** Whether the built site has a page at this path. */
const built = (dist: string, url: string) => fs.existsSync(path.join(dist, url, 'index.html'));

function serve(dist: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.once('data', () => resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** What one query showed: whether a warning-sign card came first, and the result pages in order. */
export interface Shown {
  card: boolean;
  pages: string[];
}

/** Runs each query through the page; answers what each showed. */
export async function rankAll(baseUrl: string, queries: string[]): Promise<Shown[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?bench=1`);
    await page.waitForFunction(() => '__guideSearch' in window);
    return await page.evaluate(async (qs) => {
      const w = window as unknown as { __guideSearch(q: string): Promise<number> };
      const out: { card: boolean; pages: string[] }[] = [];
      for (const q of qs) {
        await w.__guideSearch('');
        await w.__guideSearch(q);
        const card = !!document.querySelector('[data-search-signs] a');
        const pages = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] > li > a')].map(
          (a) => new URL(a.href).pathname,
        );
        out.push({ card, pages });
      }
      return out;
    }, queries);
  } finally {
    await browser.close();
  }
}

/** Scores a set against a served build of `dist`. */
export async function evalSearch({
  set,
  baseUrl,
  dist = path.join(ROOT, 'dist'),
  misses = false,
}: {
  set: EvalSet;
  baseUrl?: string;
  dist?: string;
  misses?: boolean;
}): Promise<EvalReport> {
  const queries = readSet(set);
  let server: ChildProcess | undefined;
  if (!baseUrl) {
    const port = await freePort();
    server = await serve(dist, port);
    baseUrl = `http://127.0.0.1:${port}`;
  }
  try {
    const ranked = await rankAll(
      baseUrl,
      queries.map((q) => q.query),
    );
    const report: EvalReport = {
      set,
      all: {},
      built: {},
      pending: 0,
      absent: {},
      ...(misses && isDev(set) ? { misses: [] } : {}),
    };
    const count = (tallies: Record<string, Tally>, kind: string, top1: boolean, top3: boolean, first: boolean) => {
      for (const k of [kind, 'overall']) {
        const t = (tallies[k] ??= { n: 0, top1: 0, top3: 0, first: 0 });
        t.n++;
        t.top1 += +top1;
        t.top3 += +top3;
        t.first += +first;
      }
    };
    queries.forEach((q, i) => {
      const shown = ranked[i]!;
      // What a reader sees, in order: the checklist when a warning card shows, then the result pages.
      const got = [...(shown.card ? [CHECKLIST] : []), ...shown.pages];
      const mustBeFirst = FIRST_KINDS.includes(q.kind);
      const first = mustBeFirst && answeredFirst(q.kind, shown, q.expect);
      const top1 = q.expect.includes(got[0] ?? '');
      const top3 = got.slice(0, 3).some((u) => q.expect.includes(u));
      const absent = q.expect.filter((u) => !built(dist, u));
      count(report.all, q.kind, top1, top3, first);
      if (absent.length === 0) count(report.built, q.kind, top1, top3, first);
      else report.pending++;
      for (const u of absent) report.absent[u] = (report.absent[u] ?? 0) + 1;
      if (!top3 || (mustBeFirst && !first))
        report.misses?.push({ query: q.query, kind: q.kind, expect: q.expect, got: got.slice(0, 5) });
    });
    return report;
  } finally {
    server?.kill();
  }
}

const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)}%` : '-');

/** The report as a Markdown table, aggregates only. */
export function reportTable(r: EvalReport): string {
  const kinds = Object.keys(r.all)
    .filter((k) => k !== 'overall')
    .sort();
  const rows = [...kinds, 'overall'].map((k) => {
    const a = r.all[k]!;
    const b = r.built[k] ?? { n: 0, top1: 0, top3: 0, first: 0 };
    return `| ${k} | ${a.n} | ${pct(a.top1, a.n)} | ${pct(a.top3, a.n)} | ${b.n} | ${pct(b.top1, b.n)} | ${pct(b.top3, b.n)} |`;
  });
  const absent = Object.entries(r.absent)
    .map(([u, n]) => `${u} (${n})`)
    .join(', ');
  return [
    `Search evaluation, ${r.set} set (scripts/search-eval.ts): top-1 / top-3 of the site's own search.`,
    '',
    '| kind | queries | top-1 | top-3 | queries whose pages exist | top-1 | top-3 |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Answer first: ${FIRST_KINDS.map((k) => `${k} ${r.all[k]?.first ?? 0}/${r.all[k]?.n ?? 0}`).join(', ')} (danger: the warning card or the page that answers first; uncovered: the first result, below any warning card, answers it).`,
    '',
    `${r.pending} queries expect a page this build lacks${absent ? `: ${absent}` : ''}. Rerun after those pages are merged.`,
  ].join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const set = EVAL_SETS.find((s) => args.includes(s));
  if (!set) {
    console.error(`Usage: node scripts/search-eval.ts ${EVAL_SETS.join('|')} [--misses] [baseUrl]`);
    process.exit(2);
  }
  const misses = args.includes('--misses');
  if (misses && !isDev(set)) {
    console.error('--misses is for the dev sets only: a held-out set prints aggregates, never its queries.');
    process.exit(2);
  }
  const report = await evalSearch({ set, misses, baseUrl: args.find((a) => a.startsWith('http')) });
  console.log(reportTable(report));
  for (const m of report.misses ?? [])
    console.log(`MISS [${m.kind}] ${m.query}\n  expect ${m.expect.join(' ')}\n  got    ${m.got.join(' ')}`);
}
