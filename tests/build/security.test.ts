// What the Content-Security-Policy in public/_headers relies on, checked in the built HTML:
// no inline scripts, styles or event handlers, nothing loaded from another host, and the
// policy in every page as a <meta>. The checks are scripts/lib/site-gate.ts, which
// `npm run build` runs too (src/integrations/site-gate.ts).
// tests/e2e/security.spec.ts checks the same policy in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DomUtils } from 'htmlparser2';
import { distDir, readPages } from '../../scripts/lib/built-site.ts';
import { headersFor, readHeaderRules } from '../../scripts/lib/headers.mjs';
import {
  embeds,
  inlineHandlers,
  inlineScripts,
  inlineStyles,
  metaPolicy,
  offSiteLoads,
  pageMetaPolicy,
} from '../../scripts/lib/site-gate.ts';

const pages = readPages();
const everywhere = (find: (page: (typeof pages)[number]) => string[]) =>
  pages.flatMap((p) => find(p).map((what) => `${p.url}: ${what}`));

test('no inline event handlers (on* attributes)', () => {
  assert.deepEqual(everywhere(inlineHandlers), []);
});

test('every script is a file; the only inline ones are JSON-LD data blocks, and they parse', () => {
  assert.deepEqual(everywhere(inlineScripts), []);
});

test('no <style> elements or style attributes (style-src allows only stylesheet files)', () => {
  assert.deepEqual(everywhere(inlineStyles), []);
});

test('nothing is loaded from another host, and nothing is framed or embedded', () => {
  assert.deepEqual(everywhere(offSiteLoads), []);
  assert.deepEqual(everywhere(embeds), []);
});

test('every page, redirect pages included, carries the policy of _headers as a <meta> (for hosts that ignore _headers)', () => {
  const policy = headersFor(readHeaderRules(path.join(distDir(), '_headers')), '/').get('content-security-policy')!;
  assert.match(metaPolicy(policy), /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(metaPolicy(policy), /frame-ancestors/, 'a <meta> policy cannot carry frame-ancestors');
  assert.deepEqual(
    pages
      .filter((p) => pageMetaPolicy(p) !== metaPolicy(policy))
      .map((p) => `${p.url}: ${pageMetaPolicy(p) ?? 'none'}`),
    [],
  );
  // First in <head> after the charset: nothing before it can load.
  const late = pages.filter((p) => {
    // Redirect pages have no <head> tag: their head is implied, from the first element.
    const head = p.elements.find((el) => el.name === 'head');
    const elements = head ? DomUtils.getChildren(head).filter(DomUtils.isTag) : p.elements;
    const first = elements.find(
      (el) => !['html', 'head'].includes(el.name) && !(el.name === 'meta' && 'charset' in el.attribs),
    );
    return first?.attribs['http-equiv'] !== 'Content-Security-Policy';
  });
  assert.deepEqual(
    late.map((p) => p.url),
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
      assert.ok(
        !values.some(
          (v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:'].includes(v) || /^https?:/.test(v),
        ),
        `${url}: ${d} ${values.join(' ')}`,
      );
    }
    assert.deepEqual(csp.get('object-src'), ["'none'"], `${url}: object-src`);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${url}: frame-ancestors`);
    assert.ok(csp.has('base-uri') && csp.has('form-action'), `${url}: base-uri and form-action`);
    assert.equal(headers.get('x-content-type-options'), 'nosniff', `${url}: X-Content-Type-Options`);
    for (const h of ['referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'])
      assert.ok(headers.get(h), `${url}: ${h}`);
  }
});
