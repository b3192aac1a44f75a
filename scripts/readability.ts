// Prints the Flesch reading ease of every cause, treatment and FAQ page.
// Usage: node scripts/readability.ts   (the same numbers the unit test checks)
import { readContentPages } from './lib/content-data.ts';
import { readingEase } from '../src/lib/readability.ts';

const rows = readContentPages().map((p) => ({ page: p.file, ...readingEase(p.text) }));
rows.sort((a, b) => a.score - b.score);
for (const r of rows) console.log(`${r.score.toFixed(1).padStart(6)}  ${r.page}`);
const avg = rows.reduce((n, r) => n + r.score, 0) / rows.length;
console.log(`\n${rows.length} pages, average ${avg.toFixed(1)} (target: every page >= 60)`);
