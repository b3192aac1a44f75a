import { chromium } from '@playwright/test';
const [base, opts, ...terms] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto(base + '/search/');
const out = await p.evaluate(async ({ terms, opts }) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options(JSON.parse(opts));
  const r: string[] = [];
  for (const t of terms) {
    const s = await pf.search(t);
    const d = await Promise.all(s.results.slice(0, 6).map(async (x: any) => `${(await x.data()).url} ${x.score.toFixed(2)}`));
    r.push(`${t} [${s.results.length}]: ${d.join(' | ')}`);
  }
  return r;
}, { terms, opts });
console.log(out.join('\n'));
await b.close();
