// What the Content-Security-Policy in public/_headers relies on, checked in the built HTML:
// no inline scripts, styles or event handlers, nothing loaded from another host.
// tests/e2e/security.spec.ts checks the same policy in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { distDir, readPages } from '../../scripts/lib/built-site.ts';
import { headersFor, readHeaderRules } from '../../scripts/lib/headers.mjs';

const pages = readPages();
const everywhere = (find: (page: (typeof pages)[number]) => string[]) => pages.flatMap((p) => find(p).map((what) => `${p.url}: ${what}`));

test('no inline event handlers (on* attributes)', () => {
  assert.deepEqual(everywhere((p) => p.elements.flatMap((el) => Object.keys(el.attribs).filter((a) => /^on/i.test(a)).map((a) => `<${el.name} ${a}>`))), []);
});

test('every script is a file; the only inline ones are JSON-LD data blocks, and they parse', () => {
  const problems = everywhere((p) =>
    p.elements
      .filter((el) => el.name === 'script' && !el.attribs.src)
      .flatMap((el) => {
        if (el.attribs.type !== 'application/ld+json') return [`inline <script type="${el.attribs.type ?? ''}">`];
        const text = el.children.map((c) => ('data' in c ? c.data : '')).join('');
        try {
          JSON.parse(text);
          return [];
        } catch {
          return ['JSON-LD that is not valid JSON'];
        }
      }),
  );
  assert.deepEqual(problems, []);
});

test('no <style> elements or style attributes (style-src allows only stylesheet files)', () => {
  assert.deepEqual(everywhere((p) => p.elements.filter((el) => el.name === 'style' || el.attribs.style !== undefined).map((el) => `<${el.name}${el.name === 'style' ? '' : ' style'}>`)), []);
});

test('nothing is loaded from another host', () => {
  const loads = (el: (typeof pages)[number]['elements'][number]) => {
    if (el.name === 'link') return /stylesheet|icon|preload|modulepreload|prefetch|preconnect|dns-prefetch|manifest/i.test(el.attribs.rel ?? '') ? [el.attribs.href] : [];
    return [el.attribs.src, el.name === 'object' ? el.attribs.data : undefined, el.name === 'video' ? el.attribs.poster : undefined, ...(el.attribs.srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0])];
  };
  assert.deepEqual(
    everywhere((p) =>
      p.elements.flatMap((el) =>
        loads(el)
          .filter((u): u is string => !!u)
          .filter((u) => !['site', ''].includes(new URL(u, `http://site${p.url}`).host))
          .map((u) => `<${el.name}> loads ${u}`),
      ),
    ),
    [],
  );
});

test('_headers gives every path a strict Content-Security-Policy and the security headers', () => {
  const rules = readHeaderRules(path.join(distDir(), '_headers'));
  assert.ok(rules.length > 0, 'dist/_headers exists (copied from public/_headers)');
  for (const url of ['/', ...pages.map((p) => p.url), '/pagefind/pagefind-worker.js', '/no-such-page/']) {
    const headers = headersFor(rules, url);
    const csp = new Map(
      (headers.get('content-security-policy') ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(csp.get('default-src'), ["'self'"], `${url}: default-src`);
    for (const d of ['script-src', 'style-src']) {
      const values = csp.get(d) ?? csp.get('default-src')!;
      assert.ok(!values.some((v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:'].includes(v) || /^https?:/.test(v)), `${url}: ${d} ${values.join(' ')}`);
    }
    assert.deepEqual(csp.get('object-src'), ["'none'"], `${url}: object-src`);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${url}: frame-ancestors`);
    assert.ok(csp.has('base-uri') && csp.has('form-action'), `${url}: base-uri and form-action`);
    assert.equal(headers.get('x-content-type-options'), 'nosniff', `${url}: X-Content-Type-Options`);
    for (const h of ['referrer-policy', 'permissions-policy', 'cross-origin-opener-policy']) assert.ok(headers.get(h), `${url}: ${h}`);
  }
});
