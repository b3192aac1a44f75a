// The nginx configuration for a clinic's own server: current with its sources
// (public/_headers, src/redirects.mjs, scripts/lib/headers.mjs), and run in a
// real nginx on the built site to check what a reader's browser would get.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pageRedirects } from '../../src/redirects.mjs';
import { CACHE, cacheControl, contentType, headersFor, readHeaderRules } from '../../scripts/lib/headers.mjs';
import { GZIP_TYPES, PRE_GZIPPED } from '../../scripts/lib/headers.mjs';
import { nginxSite, WORKER_CONNECTIONS } from '../../scripts/lib/nginx.mjs';
import { freePort } from '../../scripts/lib/free-port.ts';

const root = process.cwd();
const dist = path.join(root, 'dist');
const CONF = path.join(root, 'deploy/nginx/calf-guide.conf');
const rules = readHeaderRules(path.join(root, 'public/_headers'));
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
/** A redirect the real list may not have yet, so the redirect rules are always exercised. */
const TEST_REDIRECT = { '/an-old-address/': '/faq/' };

test('deploy/nginx/calf-guide.conf is generated from public/_headers and src/redirects.mjs', () => {
  const expected = nginxSite({ rules, redirects: pageRedirects });
  assert.equal(
    fs.readFileSync(CONF, 'utf8'),
    expected,
    'out of date: run `node scripts/nginx-config.mjs` and commit deploy/nginx/calf-guide.conf',
  );
});

test('every header of public/_headers is in the nginx configuration, value for value', () => {
  const conf = fs.readFileSync(CONF, 'utf8');
  for (const [name, value] of rules.find((r) => r.pattern === '/*')!.headers) {
    assert.ok(conf.includes(`add_header ${name} "${value}" always;`), `${name} is missing or differs`);
  }
});

let dir = '';
let base = '';
const skip = NGINX ? false : 'nginx is not installed (apt-get install nginx): the real-server checks are skipped';

before(async () => {
  if (!NGINX) return;
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ has no built site: run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-nginx-'));
  const port = await freePort();
  httpPort = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The site's server block served over plain HTTP here (its TLS is checked on its own below), and the port-80 redirect block.
  startNginx(
    'plain',
    nginxSite({
      rules,
      redirects: { ...pageRedirects, ...TEST_REDIRECT },
      listen: { http: [`127.0.0.1:${httpPort}`], https: [`127.0.0.1:${port}`] },
      tls: false,
    }),
  );
  await waitForPort(port);
});

after(() => {
  for (const n of started) n.kill('SIGQUIT');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const started: ChildProcess[] = [];
let httpPort = 0;

/** Runs nginx on a site configuration, in its own folder under `dir`, with the worker_connections the README tells clinics to set. */
function startNginx(name: string, site: string): ChildProcess {
  const home = path.join(dir, name);
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, 'site.conf'), site.replace(/root \/var\/www\/calf-guide;/, `root ${dist};`));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${home}/${t};`)
    .join(' ');
  fs.writeFileSync(
    path.join(home, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root root;\n' : ''}daemon off;\nworker_processes 1;\nworker_rlimit_nofile ${WORKER_CONNECTIONS * 2};\npid ${home}/nginx.pid;\nerror_log ${home}/error.log warn;\n` +
      `events { worker_connections ${WORKER_CONNECTIONS}; }\nhttp { access_log off; ${temp} include ${home}/site.conf; }\n`,
  );
  const check = spawnSync(NGINX!, ['-t', '-p', home, '-c', `${home}/nginx.conf`], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const child = spawn(NGINX!, ['-p', home, '-c', `${home}/nginx.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  return child;
}

async function waitForPort(port: number) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start on port ${port}`);
}

function assertSecurityHeaders(res: Response, what: string) {
  for (const [name, value] of headersFor(rules, '/')) {
    if (name !== 'cache-control') assert.equal(res.headers.get(name), value, `${what}: ${name}`);
  }
}

/** One built file of each kind the site has, as a URL path. */
function samplePaths(): string[] {
  const first = (sub: string, ext: string) => {
    const name = fs.readdirSync(path.join(dist, sub)).find((f) => f.endsWith(ext));
    assert.ok(name, `dist/${sub} has no ${ext} file`);
    return `/${sub ? `${sub}/` : ''}${name}`;
  };
  return [
    '/',
    '/faq/',
    '/red-flags/',
    '/links.json',
    '/robots.txt',
    '/favicon.svg',
    '/sitemap-index.xml',
    '/sw.js',
    '/manifest.webmanifest',
    first('_astro', '.css'),
    first('_astro', '.js'),
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    first('pagefind', '.pagefind'),
    first('pagefind', '.pf_meta'),
    first('pagefind/index', '.pf_index'),
    first('pagefind/fragment', '.pf_fragment'),
  ];
}

test('nginx serves every kind of file with its type, its caching and the security headers', { skip }, async () => {
  for (const url of samplePaths()) {
    const res = await fetch(`${base}${url}`);
    assert.equal(res.status, 200, url);
    const file = url.endsWith('/') ? `${url}index.html` : url;
    assert.equal(res.headers.get('content-type'), contentType(file), url);
    assert.equal(res.headers.get('cache-control'), cacheControl(url), url);
    assertSecurityHeaders(res, url);
  }
  const fragment = samplePaths().find((p) => p.endsWith('.pf_fragment'))!;
  assert.equal(cacheControl(fragment), CACHE.immutable);
});

test('nginx answers an unknown path with the 404 page and status 404', { skip }, async () => {
  const res = await fetch(`${base}/no-such-page/`);
  assert.equal(res.status, 404);
  assert.equal(await res.text(), fs.readFileSync(path.join(dist, '404.html'), 'utf8'));
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assertSecurityHeaders(res, '404');
});

test('nginx redirects old addresses with 301, and a page without its slash to its address', { skip }, async () => {
  for (const [from, to] of Object.entries({ ...pageRedirects, ...TEST_REDIRECT })) {
    const res = await fetch(`${base}${from}`, { redirect: 'manual' });
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.get('location'), to, from);
  }
  const res = await fetch(`${base}/faq`, { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/faq/');
});

test('nginx allows only GET and HEAD, and survives malformed requests', { skip }, async () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const res = await fetch(`${base}/`, { method });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
    assertSecurityHeaders(res, method);
  }
  const { port } = new URL(base);
  for (const target of ['//[', 'http://[', 'http://x:99999/', '/%zz']) {
    const status = await new Promise<number>((resolve, reject) => {
      const s = net.connect(Number(port), '127.0.0.1', () =>
        s.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      );
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
      s.on('error', reject);
    });
    // nginx answers 400 or serves the path it can read; never an error of its own, never a dropped connection.
    assert.ok(status >= 200 && status < 500, `${target}: ${status}`);
  }
  assert.equal((await fetch(`${base}/`)).status, 200);
});

/** One request with node:http (no automatic decompression), to the plain-HTTP test server unless `options` say otherwise. */
function get(
  url: string,
  headers: Record<string, string> = {},
  options: https.RequestOptions = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const target = new URL(url, base);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(target, { headers, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

test('nginx compresses pages, scripts, styles, JSON and SVG, with Vary: Accept-Encoding', { skip }, async () => {
  const paths = samplePaths().filter((p) => /\/$|\.(css|js|json|svg|xml)$/.test(p));
  for (const url of paths) {
    const res = await get(url, { 'Accept-Encoding': 'gzip' });
    assert.equal(res.status, 200, url);
    if (res.body.length < 256) continue; // gzip_min_length: not worth compressing
    assert.equal(res.headers['content-encoding'], 'gzip', `${url} (${res.headers['content-type']})`);
    assert.match(String(res.headers.vary), /Accept-Encoding/, url);
  }
  assert.ok(GZIP_TYPES.includes('text/javascript') && GZIP_TYPES.includes('image/svg+xml'));
});

test(
  "nginx labels Pagefind's gzip files as gzip only for a browser that takes it, and never packs them twice",
  { skip },
  async () => {
    const files = samplePaths().filter((p) => PRE_GZIPPED.test(p));
    assert.ok(
      files.some((p) => p.endsWith('.pagefind')) && files.some((p) => p.endsWith('.pf_fragment')),
      'sample has Pagefind files',
    );
    for (const url of files) {
      const onDisk = fs.readFileSync(path.join(dist, url));
      const taken = await get(url, { 'Accept-Encoding': 'gzip, br' });
      assert.equal(taken.headers['content-encoding'], 'gzip', url);
      assert.match(String(taken.headers.vary), /Accept-Encoding/, url);
      assert.deepEqual(taken.body, onDisk, `${url}: the file's own bytes`);
      assert.equal(gunzipSync(taken.body).subarray(0, 12).toString(), 'pagefind_dcd', url);
      const plain = await get(url, { 'Accept-Encoding': 'identity' });
      assert.equal(plain.headers['content-encoding'], undefined, url);
      assert.deepEqual(plain.body, onDisk, url);
    }
  },
);

test('nginx: one range is honoured as RFC 9110 says, many ranges get the whole file', { skip }, async () => {
  const file = fs.readFileSync(path.join(dist, 'robots.txt'));
  const identity = { 'Accept-Encoding': 'identity' };
  const last = await get('/robots.txt', { ...identity, Range: 'bytes=-5' });
  assert.equal(last.status, 206);
  assert.deepEqual(last.body, file.subarray(-5));
  assert.equal((await get('/robots.txt', { ...identity, Range: `bytes=${file.length + 10}-` })).status, 416);
  const many = await get('/robots.txt', {
    ...identity,
    Range: `bytes=${Array.from({ length: 1000 }, (_, i) => `${i % 5}-${i % 5}`).join(',')}`,
  });
  assert.equal(many.status, 200);
  assert.deepEqual(many.body, file);
});

test('port 80 sends every address to HTTPS, keeping the path', { skip }, async () => {
  const res = await get(`http://127.0.0.1:${httpPort}/faq/?q=1`, { Host: 'calves.clinic.example' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.location, 'https://calves.clinic.example/faq/?q=1');
});

const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((p) => fs.existsSync(p));
test(
  'the HTTPS server block serves the site with a certificate, and HSTS',
  { skip: skip || (!OPENSSL && 'openssl is not installed: the TLS check is skipped') },
  async () => {
    const key = path.join(dir, 'test.key');
    const cert = path.join(dir, 'test.crt');
    const made = spawnSync(
      OPENSSL!,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(made.status, 0, made.stderr);
    const port = await freePort();
    const shipped = nginxSite({ rules, redirects: pageRedirects });
    assert.match(
      shipped,
      /listen 443 ssl http2;[\s\S]*ssl_certificate \/etc\/letsencrypt\/live\//,
      'the shipped file listens on 443 with TLS and HTTP/2',
    );
    startNginx(
      'tls',
      nginxSite({
        rules,
        redirects: pageRedirects,
        listen: { http: [`127.0.0.1:${await freePort()}`], https: [`127.0.0.1:${port} ssl http2`] },
        tls: { certificate: cert, key },
      }),
    );
    await waitForPort(port);
    const res = await get(`https://127.0.0.1:${port}/`, {}, { ca: fs.readFileSync(cert) });
    assert.equal(res.status, 200);
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
    // HTTP/2: a phone fetches the search page's dozen files at once, not six at a time.
    const session = http2.connect(`https://127.0.0.1:${port}`, { ca: fs.readFileSync(cert) });
    try {
      const status = await new Promise((resolve, reject) => {
        const req = session.request({ ':path': '/' });
        req.on('response', (h) => resolve(h[':status']));
        req.on('error', reject);
        req.end();
      });
      assert.equal(status, 200, 'an HTTP/2 request is answered');
    } finally {
      session.close();
    }
  },
);

test(
  `a burst of 2,000 connections at once gets 2,000 answers, none reset (worker_connections ${WORKER_CONNECTIONS})`,
  { skip },
  async () => {
    const { port } = new URL(base);
    const one = () =>
      new Promise<string>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1', () =>
          s.write('GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
        let data = '';
        s.on('data', (d) => (data += d));
        s.on('end', () => resolve(/^HTTP\/1\.1 200/.test(data) ? 'ok' : `answer ${data.slice(0, 12) || '(empty)'}`));
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    const results = await Promise.all(Array.from({ length: 2000 }, one));
    const failed = results.filter((r) => r !== 'ok');
    assert.deepEqual([...new Set(failed)], [], `${failed.length} of 2,000 failed`);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.match(
      readme,
      new RegExp(`worker_connections ${WORKER_CONNECTIONS};`),
      'README tells clinics the worker_connections this test holds',
    );
  },
);
