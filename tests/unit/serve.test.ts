// Sends scripts/serve.mjs the requests that used to knock it over, and the
// ones a host must answer right: types, caching, 404, redirects, methods.
// The server runs from a temporary copy with a small site and one redirect,
// so this needs no build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { CACHE } from '../../scripts/lib/headers.mjs';
import { freePort } from '../../scripts/lib/free-port.ts';

const root = process.cwd();
let dir = '';
let server: ChildProcess;
let base = '';

/** Pagefind writes each index file as a gzip stream of a signature and the data. */
const pagefindFile = (data: string) => gzipSync(Buffer.from(`pagefind_dcd${data}`));
/** Big enough to be worth compressing (the 256-byte floor nginx has too). */
const SCRIPT = `export const words = ${JSON.stringify('calf '.repeat(200))};`;

const SITE: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>Home</title>',
  '404.html': '<!doctype html><title>Not found</title>',
  'faq/index.html': '<!doctype html><title>FAQ</title>',
  '_astro/page.abc123.css': 'body{}',
  '_astro/page.abc123.js': SCRIPT,
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/wasm.en-gb.pagefind': pagefindFile('\0asm'),
  'pagefind/pagefind.en-gb_abc123.pf_meta': pagefindFile('\0'),
  'pagefind/index/en-gb_abc123.pf_index': pagefindFile('\0'),
  'pagefind/fragment/en-gb_abc123.pf_fragment': pagefindFile('\0'),
  'pagefind/search.wasm': '\0asm',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'robots.txt': 'User-agent: *',
  'sw.js': 'self.addEventListener("fetch", () => {});',
  'manifest.webmanifest': '{}',
  'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex/>',
  'links.json': '{}',
};

function startServer(
  args: string[],
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(dir, 'scripts/serve.mjs'), ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve) => {
    const ready = () => resolve({ child, output: () => out, exited });
    child.stdout!.on('data', () => out.includes('Serving') && ready());
    child.on('exit', ready);
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-serve-'));
  fs.mkdirSync(path.join(dir, 'scripts/lib'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src'));
  fs.copyFileSync(path.join(root, 'scripts/serve.mjs'), path.join(dir, 'scripts/serve.mjs'));
  fs.copyFileSync(path.join(root, 'scripts/lib/headers.mjs'), path.join(dir, 'scripts/lib/headers.mjs'));
  fs.writeFileSync(
    path.join(dir, 'src/redirects.mjs'),
    "export const pageRedirects = { '/faq/old-question/': '/faq/' };\n",
  );
  for (const [file, body] of Object.entries(SITE)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', file), body);
  }
  fs.copyFileSync(path.join(root, 'public/_headers'), path.join(dir, 'dist/_headers'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const started = await startServer(['--port', String(port)]);
  server = started.child;
  assert.match(started.output(), /Serving dist\//, started.output());
});

after(() => {
  server?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET with node:http (no automatic decompression), saying which encodings the client takes. */
function rawGet(target: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${target}`, { headers: { 'Accept-Encoding': acceptEncoding }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Sends a raw request line, as curl --request-target does, and returns the status. */
function rawStatus(target: string, method = 'GET'): Promise<number> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

test('malformed request targets get 400 and the server keeps serving', async () => {
  for (const target of [
    '//[',
    'http://[',
    'http://x:99999/',
    'http://%zz/',
    '/faq/%zz',
    '/%00',
    '/../../etc/passwd',
    '*',
  ]) {
    assert.equal(await rawStatus(target), 400, target);
  }
  assert.equal((await fetch(`${base}/`)).status, 200);
});

test('an absolute-form target for a real page is served', async () => {
  assert.equal(await rawStatus('http://127.0.0.1/faq/'), 200);
});

test('methods other than GET and HEAD get 405 with Allow', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const res = await fetch(`${base}/`, { method });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
    assert.ok(res.headers.get('content-security-policy'), 'errors carry the security headers too');
  }
  const head = await fetch(`${base}/faq/`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('every kind of file gets its content type and caching rule', async () => {
  const expected: [string, string, string][] = [
    ['/', 'text/html; charset=utf-8', CACHE.revalidate],
    ['/faq/', 'text/html; charset=utf-8', CACHE.revalidate],
    ['/_astro/page.abc123.css', 'text/css; charset=utf-8', CACHE.immutable],
    ['/_astro/page.abc123.js', 'text/javascript; charset=utf-8', CACHE.immutable],
    ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8', CACHE.revalidate],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8', CACHE.revalidate],
    ['/pagefind/wasm.en-gb.pagefind', 'application/octet-stream', CACHE.revalidate],
    ['/pagefind/search.wasm', 'application/wasm', CACHE.revalidate],
    ['/pagefind/pagefind.en-gb_abc123.pf_meta', 'application/octet-stream', CACHE.immutable],
    ['/pagefind/index/en-gb_abc123.pf_index', 'application/octet-stream', CACHE.immutable],
    ['/pagefind/fragment/en-gb_abc123.pf_fragment', 'application/octet-stream', CACHE.immutable],
    ['/favicon.svg', 'image/svg+xml', CACHE.short],
    ['/robots.txt', 'text/plain; charset=utf-8', CACHE.short],
    ['/sitemap-index.xml', 'application/xml; charset=utf-8', CACHE.short],
    ['/links.json', 'application/json; charset=utf-8', CACHE.revalidate],
    ['/sw.js', 'text/javascript; charset=utf-8', CACHE.revalidate],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', CACHE.revalidate],
  ];
  for (const [url, type, cache] of expected) {
    const res = await fetch(`${base}${url}`);
    assert.equal(res.status, 200, url);
    assert.equal(res.headers.get('content-type'), type, url);
    assert.equal(res.headers.get('cache-control'), cache, url);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
  }
});

test("text is gzipped for a browser that takes it (as nginx does); Pagefind's gzip files are labelled, never packed twice", async () => {
  const script = await rawGet('/_astro/page.abc123.js', 'gzip, deflate, br');
  assert.equal(script.headers['content-encoding'], 'gzip');
  assert.match(String(script.headers.vary), /Accept-Encoding/);
  assert.equal(gunzipSync(script.body).toString(), SCRIPT);
  assert.equal((await rawGet('/_astro/page.abc123.js', 'identity')).body.toString(), SCRIPT);
  // Under the 256-byte floor: sent as it is.
  assert.equal((await rawGet('/_astro/page.abc123.css', 'gzip')).headers['content-encoding'], undefined);
  for (const file of Object.keys(SITE).filter((f) => /\.(pagefind|pf_\w+)$/.test(f))) {
    const onDisk = SITE[file] as Buffer;
    const taken = await rawGet(`/${file}`, 'gzip');
    assert.equal(taken.headers['content-encoding'], 'gzip', file);
    assert.match(String(taken.headers.vary), /Accept-Encoding/, file);
    assert.deepEqual(taken.body, onDisk, `${file}: the file's own bytes, not packed again`);
    const plain = await rawGet(`/${file}`, 'identity');
    assert.equal(plain.headers['content-encoding'], undefined, file);
    assert.deepEqual(plain.body, onDisk, file);
  }
});

test('an unknown path gets the 404 page with status 404', async () => {
  const res = await fetch(`${base}/no-such-page/`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Not found/);
  assert.ok(res.headers.get('content-security-policy'));
});

test('redirects from src/redirects.mjs are 301s; a page without its slash is sent to it', async () => {
  for (const from of ['/faq/old-question/', '/faq/old-question']) {
    const res = await fetch(`${base}${from}`, { redirect: 'manual' });
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.get('location'), '/faq/');
  }
  const res = await fetch(`${base}/faq`, { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/faq/');
});

test('a busy port fails at once, saying how to choose another', async () => {
  const { port } = new URL(base);
  const second = await startServer(['--port', port, '--build']);
  assert.equal(await second.exited, 1);
  assert.match(second.output(), new RegExp(`Port ${port} .* already in use`));
  assert.match(second.output(), /npm start -- --port \d+/);
  assert.doesNotMatch(second.output(), /Building/, 'it fails before building');
});

/** A raw request with extra header lines; returns the whole answer as text. */
function rawRequest(target: string, headers = ''): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

test('a path segment of 256 bytes or more gets 404 (or 414 when the path is huge), never a stack trace or a path', async () => {
  for (const target of [
    `/${'a'.repeat(256)}`,
    `/faq/${encodeURIComponent('é'.repeat(130))}/`,
    `/${'a'.repeat(300)}.html`,
    `/${'%41'.repeat(300)}`,
  ]) {
    const answer = await rawRequest(target);
    assert.match(answer, /^HTTP\/1\.1 404/, target.slice(0, 20));
    assert.doesNotMatch(answer, /Error|at |\/tmp\/|\/work\//, 'no stack trace or server path');
  }
  const huge = await rawRequest(`/${'a/'.repeat(2000)}`);
  assert.match(huge, /^HTTP\/1\.1 414/);
  assert.equal((await fetch(`${base}/`)).status, 200, 'the server still serves');
});

test('Range is ignored, as RFC 9110 allows: every range request gets the whole file with 200', async () => {
  const whole = SITE['robots.txt']!;
  for (const range of ['bytes=-5', 'bytes=5-1', 'bytes=0-0', 'bytes=2-', 'bytes=999-', 'bytes=0-1,2-3,4-5']) {
    const res = await fetch(`${base}/robots.txt`, { headers: { Range: range } });
    assert.equal(res.status, 200, range);
    assert.equal(res.headers.get('content-range'), null, range);
    assert.notEqual(res.headers.get('accept-ranges'), 'bytes', `${range}: ranges are not offered`);
    assert.equal(await res.text(), whole, range);
  }
});
