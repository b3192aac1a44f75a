// Serves the built site in dist/ the way a careful static host would:
// directory indexes, the 404 page with status 404, redirects from
// src/redirects.mjs as 301, the headers in dist/_headers, a content type for
// every file (Pagefind's binary index included), caching by kind of file, 405
// for methods other than GET and HEAD, 400 for a request target that is not a
// path, 404 for a path segment too long to be a file name, 414 for a path over
// 2,048 characters. Range requests get the whole file (RFC 9110 lets a server
// ignore Range). Text is gzipped as the nginx file does (same types, same
// 256-byte floor), so `npm start` and the bench's slow phone see a real host's bytes.
//
// Usage: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--build]
//   --build   check the port is free, then run `npm run build`, then serve (npm start)
//   PORT=4322 works as well as --port 4322.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import compression from 'compression';
import sirv from 'sirv';
import { pageRedirects } from '../src/redirects.mjs';
import { cacheControl, contentType, GZIP_TYPES, headersFor, PRE_GZIPPED, readHeaderRules } from './lib/headers.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    build: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`"${values.port}" is not a port number: use one from 1024 to 65535, e.g. --port 4322.`);

const root = new URL('../dist/', import.meta.url).pathname;

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

const busy = (/** @type {number} */ p) =>
  `Port ${p} on ${values.host} is already in use (is another copy of the site or a dev server running?). ` +
  `Stop it, or choose another port: npm start -- --port 4322 (or PORT=4322 npm start; for the preview, npm run preview -- --port 4322).`;

// Listen first: a busy port fails in a second, not after a 30-second build.
const server = createServer(handle);
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EADDRINUSE') fail(busy(port));
  if (error.code === 'EACCES')
    fail(`Port ${port} needs administrator rights: choose one from 1024 up, e.g. --port 4322.`);
  throw error;
});
server.listen(port, values.host, () => {
  if (values.build) {
    console.log('Building the site (npm run build)...');
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) fail('The build failed: see the messages above. Nothing is served.');
  }
  if (!existsSync(`${root}index.html`)) {
    fail('dist/ has no built site. Run `npm run build` first (or `npm start`, which builds and serves).');
  }
  start();
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving dist/ at http://${values.host}:${shown}/`);
});

/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
let serveSite = (_req, res) => {
  res.statusCode = 503;
  res.end('The site is still being built.\n');
};

function start() {
  const rules = readHeaderRules(`${root}_headers`);
  const notFound = readFileSync(`${root}404.html`);
  /** Old path -> new path, with and without the trailing slash. */
  const redirects = new Map(
    Object.entries(pageRedirects).flatMap(([from, to]) => [
      [from, to],
      [from.replace(/\/$/, ''), to],
    ]),
  );
  const files = sirv(root, {
    etag: true,
    extensions: ['html'],
    setHeaders(res, path) {
      // `path` is the one asked for: "/faq/" or "/faq" is served from an index.html.
      const file = /\.[a-z0-9_]+$/i.test(path) ? path : `${path.replace(/\/?$/, '/')}index.html`;
      res.setHeader('Content-Type', contentType(file));
      res.setHeader('Cache-Control', cacheControl(path.endsWith('/') ? path : file));
      if (PRE_GZIPPED.test(file)) {
        res.setHeader('Vary', 'Accept-Encoding');
        if (/\bgzip\b/.test(String(res.req.headers['accept-encoding']))) res.setHeader('Content-Encoding', 'gzip');
      }
    },
  });

  const compress = compression({
    threshold: 256,
    filter: (_req, res) => ['text/html', ...GZIP_TYPES].includes(String(res.getHeader('Content-Type')).split(';')[0]),
  });

  serveSite = (req, res) => {
    const path = requestPath(req.url);
    // Security headers go on every answer, errors included.
    for (const [k, v] of headersFor(rules, path ?? '/')) if (k !== 'cache-control') res.setHeader(k, v);
    if (path === undefined) return plain(res, 400, 'Bad request: the address is not a path on this site.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Only GET and HEAD are allowed: this is a static site.\n');
    }
    // No file system takes a name over 255 bytes (asking one throws): such a path names nothing here.
    if (path.length > MAX_PATH) return plain(res, 414, 'The address is too long.\n');
    if (path.split('/').some((s) => Buffer.byteLength(decodeURIComponent(s)) > 255)) return notFoundPage(req, res);
    const to = redirects.get(path);
    if (to) return redirect(res, to);
    // A directory without its slash: send the browser to the page's one address.
    if (!path.endsWith('/') && !/\.[a-z0-9_]+$/i.test(path) && isFile(`${root}${path.slice(1)}/index.html`))
      return redirect(res, `${path}/`);
    req.url = path; // sirv gets a clean, decoded-safe path; the query string is not needed to find a file
    // Ranges are ignored, as RFC 9110 allows: every answer is the whole file (sirv's ranges were wrong).
    delete req.headers.range;
    // gzip only, as nginx's gzip module: `compression` would choose Brotli when offered.
    req.headers['accept-encoding'] = /\bgzip\b/.test(String(req.headers['accept-encoding'])) ? 'gzip' : 'identity';
    compress(req, res, () => files(req, res, () => notFoundPage(req, res)));
  };
  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  notFoundPage = (req, res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', contentType('404.html'));
    res.setHeader('Cache-Control', cacheControl('/404.html'));
    res.end(req.method === 'HEAD' ? undefined : notFound);
  };
}

/** The longest path served, in characters as sent; longer gets 414. */
const MAX_PATH = 2048;

/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
let notFoundPage = (_req, res) => plain(res, 404, 'Not found.\n');

/**
 * The path a request target names, or undefined when it is not a usable path:
 * not absolute, a bad host in an absolute URL, bad percent-encoding, a NUL, or
 * a way out of dist/.
 * @param {string | undefined} target
 */
function requestPath(target) {
  if (!target || target.startsWith('//') || !(target.startsWith('/') || /^https?:\/\//i.test(target))) return undefined;
  try {
    const url = new URL(target, 'http://localhost');
    // Judge the path as sent: URL() would quietly resolve "/../" away.
    const sent = target.startsWith('/') ? target.split(/[?#]/)[0] : url.pathname;
    const segments = decodeURIComponent(sent).split('/');
    if (segments.some((s) => s === '..' || s.includes('\0') || s.includes('\\'))) return undefined;
    return url.pathname;
  } catch {
    return undefined;
  }
}

/** @param {string} file */
function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} body */
function plain(res, status, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

/** @param {import('node:http').ServerResponse} res @param {string} to */
function redirect(res, to) {
  res.statusCode = 301;
  res.setHeader('Location', to);
  res.setHeader('Cache-Control', 'no-cache');
  res.end();
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function handle(req, res) {
  try {
    serveSite(req, res);
  } catch (error) {
    // Never let one request end the server.
    console.error(error);
    if (!res.headersSent) plain(res, 500, 'Internal error.\n');
    else res.destroy();
  }
}
