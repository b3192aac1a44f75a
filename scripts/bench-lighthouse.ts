// Lighthouse for `npm run bench`, installed on demand like Starlight
// (~/.cache/calf-guide-bench/lighthouse-<version>), never by `npm ci`: it
// brings about 160 packages that nothing else in the project needs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const LIGHTHOUSE_VERSION = '12.8.2';
const CHROME_LAUNCHER_VERSION = '1.2.1';
const CACHE = path.join(os.homedir(), '.cache', 'calf-guide-bench', `lighthouse-${LIGHTHOUSE_VERSION}`);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

interface Audit {
  score: number | null;
  displayValue?: string;
}
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runtimeError?: { code: string };
}

function install(log: (msg: string) => void): void {
  if (fs.existsSync(path.join(CACHE, 'node_modules/lighthouse/package.json'))) return;
  log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${CACHE}`);
  fs.mkdirSync(CACHE, { recursive: true });
  const pkg = {
    private: true,
    type: 'module',
    dependencies: { lighthouse: LIGHTHOUSE_VERSION, 'chrome-launcher': CHROME_LAUNCHER_VERSION },
  };
  fs.writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CACHE, stdio: 'inherit' });
}

/** Imports a package as Node resolves it from the cache folder. */
const load = async (name: string) =>
  import(pathToFileURL(createRequire(path.join(CACHE, 'package.json')).resolve(name)).href);

/** One row per URL: the four category scores, LCP and the audits that cost points. */
export async function runLighthouse(origin: string, urls: string[], chromePath: string, log: (msg: string) => void) {
  install(log);
  const lighthouse = (await load('lighthouse')).default as (
    url: string,
    flags: object,
  ) => Promise<{ lhr: Lhr } | undefined>;
  const chromeLauncher = (await load('chrome-launcher')) as {
    launch: (o: object) => Promise<{ port: number; kill: () => void }>;
  };
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const rows: (string | number)[][] = [];
  try {
    for (const url of urls) {
      // On a busy machine a run can miss a trace and leave a score empty: try once more.
      let lhr: Lhr | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        log(`lighthouse ${url}${attempt > 1 ? ' (again)' : ''}`);
        lhr = (
          await lighthouse(`${origin}${url}`, {
            port: chrome.port,
            logLevel: 'error',
            output: 'json',
            onlyCategories: CATEGORIES,
          })
        )?.lhr;
        if (lhr && CATEGORIES.every((k) => lhr!.categories[k]?.score != null)) break;
      }
      const score = (k: string) =>
        lhr?.categories[k]?.score == null
          ? `n/a ${lhr?.runtimeError?.code ?? ''}`
          : Math.round(lhr.categories[k].score! * 100);
      // What cost points: scored audits that did not pass.
      const failed = Object.values(lhr?.categories ?? {}).flatMap((cat) =>
        cat.auditRefs.filter((r) => r.weight > 0 && (lhr?.audits[r.id]?.score ?? 1) < 1).map((r) => r.id),
      );
      const lcp = lhr?.audits['largest-contentful-paint']?.displayValue ?? '';
      rows.push([url, ...CATEGORIES.map(score), lcp, [...new Set(failed)].join(', ') || 'none']);
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
