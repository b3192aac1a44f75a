// Serves the built site in dist/ the way a static host would: directory
// indexes, 404.html for unknown paths, and the headers in dist/_headers.
// Usage: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, readHeaderRules } from './lib/headers.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const root = new URL('../dist/', import.meta.url).pathname;
if (!existsSync(`${root}index.html`)) {
  console.error('dist/ has no built site. Run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}

const rules = readHeaderRules(`${root}_headers`);
const notFound = readFileSync(`${root}404.html`);
const serve = sirv(root, { etag: true, extensions: ['html'] });

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  for (const [k, v] of headersFor(rules, path)) res.setHeader(k, v);
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  });
}).listen(Number(values.port), values.host, () => {
  console.log(`Serving dist/ at http://${values.host}:${values.port}/`);
});
