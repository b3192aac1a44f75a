// Serves the built site in dist/ the way a static host would: directory
// indexes, 404.html for unknown paths, and the headers in dist/_headers.
// Usage: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const root = new URL('../dist/', import.meta.url).pathname;
if (!existsSync(`${root}index.html`)) {
  console.error('dist/ has no built site. Run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}

/** `_headers` (Netlify/Cloudflare format): a path pattern line, then indented `Name: value` lines. */
function readHeaders(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else rules.at(-1)?.headers.push(line.trim().split(/:\s*(.*)/s).slice(0, 2));
  }
  return rules.map((r) => ({ ...r, test: new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`) }));
}
const rules = readHeaders(`${root}_headers`);
const notFound = readFileSync(`${root}404.html`);
const serve = sirv(root, { etag: true, extensions: ['html'] });

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  for (const rule of rules) if (rule.test.test(path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  });
}).listen(Number(values.port), values.host, () => {
  console.log(`Serving dist/ at http://${values.host}:${values.port}/`);
});
