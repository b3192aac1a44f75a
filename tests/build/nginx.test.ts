// The nginx configuration for a clinic's own server: current with its sources
// (public/_headers, src/redirects.mjs, scripts/lib/headers.mjs), and run in a
// real nginx on the built site to check what a reader's browser would get.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pageRedirects } from '../../src/redirects.mjs';
import { CACHE, cacheControl, contentType, headersFor, readHeaderRules } from '../../scripts/lib/headers.mjs';
import { nginxSite } from '../../scripts/lib/nginx.mjs';
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
  assert.equal(fs.readFileSync(CONF, 'utf8'), expected, 'out of date: run `node scripts/nginx-config.mjs` and commit deploy/nginx/calf-guide.conf');
});

test('every header of public/_headers is in the nginx configuration, value for value', () => {
  const conf = fs.readFileSync(CONF, 'utf8');
  for (const [name, value] of rules.find((r) => r.pattern === '/*')!.headers) {
    assert.ok(conf.includes(`add_header ${name} "${value}" always;`), `${name} is missing or differs`);
  }
});

let dir = '';
let nginx: ChildProcess | undefined;
let base = '';
const skip = NGINX ? false : 'nginx is not installed (apt-get install nginx): the real-server checks are skipped';

before(async () => {
  if (!NGINX) return;
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ has no built site: run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-nginx-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const site = nginxSite({ rules, redirects: { ...pageRedirects, ...TEST_REDIRECT } })
    .replace(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www\/calf-guide;/, `root ${dist};`);
  assert.match(site, new RegExp(`listen 127\\.0\\.0\\.1:${port};`));
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root root;\n' : ''}daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 64; }\nhttp { access_log off; ${temp} include ${dir}/site.conf; }\n`,
  );
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', `${dir}/nginx.conf`], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  nginx = spawn(NGINX, ['-p', dir, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort(port);
});

after(() => {
  nginx?.kill('SIGQUIT');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function waitForPort(port: number) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
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
    '/', '/faq/', '/red-flags/', '/links.json', '/robots.txt', '/favicon.svg', '/sitemap-index.xml', '/sw.js', '/manifest.webmanifest',
    first('_astro', '.css'), first('_astro', '.js'),
    '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', first('pagefind', '.pagefind'), first('pagefind', '.pf_meta'),
    first('pagefind/index', '.pf_index'), first('pagefind/fragment', '.pf_fragment'),
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
      const s = net.connect(Number(port), '127.0.0.1', () => s.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
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
