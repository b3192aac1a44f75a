// The build's last gate (scripts/lib/site-gate.ts, run by src/integrations/site-gate.ts at the
// end of `npm run build` and by tests/build/security.test.ts and links.test.ts): hostile pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import {
  LinkChecker,
  metaPolicy,
  pageMetaPolicy,
  securityProblems,
  withMetaPolicy,
} from '../../scripts/lib/site-gate.ts';
import { sitePolicy } from '../../src/integrations/site-gate.ts';

const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";
const page = (url: string, html: string) => ({
  url,
  elements: DomUtils.findAll(() => true, parseDocument(html).children),
});
const safe = (body: string) =>
  page(
    '/x/',
    withMetaPolicy(
      `<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body>${body}</body></html>`,
      POLICY,
    ),
  );

test('the meta policy is the header policy without what only a header can carry', () => {
  assert.equal(
    metaPolicy(POLICY),
    "default-src 'self'; object-src 'none'",
    "script-src 'self' is what default-src 'self' gives it",
  );
  assert.equal(metaPolicy(`${POLICY}; report-uri /r; sandbox`), "default-src 'self'; object-src 'none'");
  // A directive is dropped only when its fallback says the same: worker-src falls back to script-src, not default-src.
  assert.equal(
    metaPolicy(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; img-src 'self' data:",
    ),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; img-src 'self' data:",
  );
  // The project's policy comes from public/_headers, the one source.
  assert.match(sitePolicy(), /^default-src 'self'; script-src 'self'/);
});

test('withMetaPolicy puts the policy right after the charset, once, even when run twice', () => {
  const html = withMetaPolicy(
    withMetaPolicy(
      '<!doctype html><html><head><meta charset="utf-8"><script src="/a.js"></script></head></html>',
      POLICY,
    ),
    POLICY,
  );
  assert.equal(html.match(/Content-Security-Policy/g)?.length, 1);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  assert.equal(pageMetaPolicy(page('/', html)), metaPolicy(POLICY));
  // A redirect page Astro writes has no <head> tag or charset: the policy goes first in the implied head.
  assert.match(
    withMetaPolicy('<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/a/">', POLICY),
    /^<!doctype html><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/,
  );
});

test('a safe page passes; each hostile one is named', () => {
  assert.deepEqual(
    securityProblems(safe('<p>Hello <a href="/red-flags/">signs</a></p><script src="/_astro/a.js"></script>'), POLICY),
    [],
  );
  const cases: [string, RegExp][] = [
    ['<script>alert(1)</script>', /inline <script/],
    ['<img src="/a.png" onerror="alert(1)">', /<img onerror>/],
    ['<p style="color:red">x</p>', /<p style>/],
    ['<style>p{}</style>', /<style>/],
    ['<img src="https://tracker.example/p.gif">', /<img> loads https:\/\/tracker\.example/],
    ['<img src="//tracker.example/p.gif">', /loads \/\/tracker\.example/],
    ['<script src="data:text/javascript,alert(1)"></script>', /loads data:/],
    ['<iframe src="/x/"></iframe>', /<iframe>/],
    ['<object data="/a.swf"></object>', /<object>/],
  ];
  for (const [body, want] of cases) assert.match(securityProblems(safe(body), POLICY).join('\n'), want, body);
  assert.match(
    securityProblems(page('/x/', '<html><head></head><body></body></html>'), POLICY).join(),
    /no <meta> Content-Security-Policy/,
  );
  assert.match(
    securityProblems(page('/x/', withMetaPolicy('<html><head></head></html>', 'default-src *')), POLICY).join(),
    /not the one in public\/_headers/,
  );
});

test('links: broken pages and anchors, unknown signs and script URLs fail; https is listed; http is warned', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-gate-'));
  try {
    fs.mkdirSync(path.join(dist, 'red-flags'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<h2 id="here">x</h2>');
    fs.writeFileSync(path.join(dist, 'red-flags/index.html'), '<h2 id="signs">x</h2>');
    const links = new LinkChecker(dist, 'https://guide.example', { path: '/red-flags/', ids: new Set(['fever']) });
    const check = (href: string) => links.check(page('/', `<a href="${href}">x</a>`));
    for (const ok of [
      '/',
      '/#here',
      '/red-flags/#signs',
      '/red-flags/#check=fever',
      'https://www.nhs.uk/',
      'tel:111',
      'mailto:a@b.example',
    ])
      assert.deepEqual(check(ok), [], ok);
    assert.match(check('/nowhere/').join(), /no file for \/nowhere\//);
    assert.match(check('/#gone').join(), /no element with id "gone"/);
    assert.match(check('/red-flags/#check=fever,renamed').join(), /unknown red-flag id\(s\) renamed/);
    assert.match(check('javascript:alert(1)').join(), /javascript: URLs are not allowed/);
    assert.match(check('data:text/html,x').join(), /data: URLs are not allowed/);
    assert.deepEqual(check('http://old.example/'), []);
    assert.deepEqual(links.insecure(), ['http://old.example/']);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
