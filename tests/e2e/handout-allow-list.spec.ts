// The handout's allow-list (src/scripts/handout-content.ts) called directly on hostile HTML, in the browser
// whose DOM it is written for: a page of this site, so "this site" is the origin it keeps links to. The
// module is bundled here and added to the page with the CSP bypassed: the test's script, not the site's.
import { test, expect } from '@playwright/test';
import { build } from 'esbuild';

test.use({ bypassCSP: true });

let bundle = '';
test.beforeAll(async () => {
  const out = await build({
    entryPoints: ['src/scripts/handout-content.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'handoutContent',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
});

type Api = typeof import('../../src/scripts/handout-content.ts');
declare global {
  interface Window {
    handoutContent: Api;
  }
}

/** Parses `html` as a fetched page is parsed (DOMParser), runs cleanCopy over its body, and returns the copy's HTML. */
async function clean(page: import('@playwright/test').Page, html: string): Promise<string> {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
    const box = document.createElement('div');
    box.append(
      ...[...doc.body.childNodes].flatMap((n) =>
        window.handoutContent.cleanCopy(n, new URL('/faq/a-question/', location.href)),
      ),
    );
    return box.innerHTML;
  }, html);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/offline/');
  await page.addScriptTag({ content: bundle });
});

test('cleanCopy drops scripts, frames, handlers, styles and script links, and keeps the words', async ({ page }) => {
  const origin = new URL(page.url()).origin;
  const out = await clean(
    page,
    [
      '<p onclick="alert(1)" style="position:fixed" class="caution evil" id="steal" data-x="1">Rest <script>alert(1)</script>it',
      '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x"><style>*{display:none}</style>',
      '<img src="https://evil.example/p.png" onerror="alert(1)"><img src="/images/calf.svg" alt="The calf" onerror="alert(1)" style="x">',
      '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="data:text/html,<script>alert(1)</script>">c</a>',
      '<a href="http://plain.example/">d</a><a href="https://nhs.example/x" onmouseover="alert(1)" target="_blank">e</a>',
      `<a href="${origin}/treatments/ice/#how">f</a><a href="../can-i-run/">g</a></p>`,
      '<form action="https://evil.example/"><input name="q"><button>Send</button></form><template><p>hidden</p></template>',
      '<custom-el onclick="x()"><span style="x">kept words</span></custom-el>',
      '<details open><summary>More</summary><p>inside</p></details>',
      '<div class="care-card" data-tier="a-and-e"><p>card</p></div><div data-tier="&quot;><script>">odd tier</div>',
      '<p hidden>secret</p><p class="visually-hidden">keywords</p><noscript><img src="/x.png"></noscript>',
    ].join(''),
  );
  expect(out).toBe(
    [
      '<p class="caution">Rest it',
      '<img src="/images/calf.svg" alt="The calf">',
      '<span>a</span><span>b</span><span>c</span>',
      '<span>d</span><a href="https://nhs.example/x">e</a>',
      '<a href="/treatments/ice/#how">f</a><a href="/faq/can-i-run/">g</a></p>',
      'kept words',
      '<div><p>inside</p></div>',
      '<div class="care-card" data-tier="a-and-e"><p>card</p></div><div>odd tier</div>',
    ].join(''),
  );
});

test('cleanCopy keeps a drawing and its drawing classes but nothing in it that runs, fetches or embeds HTML', async ({
  page,
}) => {
  const out = await clean(
    page,
    [
      '<svg viewBox="0 0 10 10" onload="alert(1)" style="x" class="illustration" xmlns:xlink="http://www.w3.org/1999/xlink">',
      '<title>A calf</title><script>alert(1)</script><foreignObject><div>html in svg</div><iframe src="https://evil.example/"></iframe></foreignObject>',
      '<path d="M0 0h10" fill="url(https://evil.example/#p)" stroke="#000" onclick="alert(1)" class="f evil"/>',
      '<use href="https://evil.example/s.svg#a"/><image href="https://evil.example/i.png"/><a href="javascript:alert(1)"><text>link</text></a>',
      '<animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onload" to="alert(1)"/>',
      '<g transform="translate(1 1)" class="l"><circle cx="1" cy="1" r="1" fill="javascript:alert(1)"/><text x="1">Calf</text></g></svg>',
    ].join(''),
  );
  expect(out).toBe(
    '<svg viewBox="0 0 10 10"><title>A calf</title><path d="M0 0h10" stroke="#000" class="f"></path>' +
      '<g transform="translate(1 1)" class="l"><circle cx="1" cy="1" r="1"></circle><text x="1">Calf</text></g></svg>',
  );
});

test('sectionNodes finds a labelled box or the run up to the next heading, and nothing for a missing or non-heading id', async ({
  page,
}) => {
  const found = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(
      `<main><article><h1>Page</h1>
      <div class="section-heading"><h2 id="what">What</h2><a class="section-link" href="#what">#</a></div><p>one</p>
      <h3 id="sub">Sub</h3><p>two</p><div class="section-heading"><h2 id="next">Next</h2></div><p>three</p>
      <aside class="help-note" aria-labelledby="help"><div class="section-heading"><h2 id="help">Help</h2></div><p>call</p><ul><li>x</li></ul></aside>
      <p id="para">not a heading</p></article></main>`,
      'text/html',
    );
    const tags = (id: string) =>
      window.handoutContent
        .sectionNodes(doc, id)
        ?.map((el) => `${el.localName}:${el.textContent!.replace(/\s+/g, ' ').trim()}`) ?? null;
    return {
      what: tags('what'),
      sub: tags('sub'),
      next: tags('next'),
      help: tags('help'),
      para: tags('para'),
      none: tags('nope'),
    };
  });
  expect(found).toEqual({
    what: ['p:one', 'h3:Sub', 'p:two'],
    sub: ['p:two'],
    // An h2's run ends only at another h2 or h1: the note's own heading is inside its aside.
    next: ['p:three', 'aside:Helpcallx', 'p:not a heading'],
    help: ['p:call', 'ul:x'],
    para: null,
    none: null,
  });
});

test('pageNodes gives the article without its h1, the main when there is no article, and nothing without a main', async ({
  page,
}) => {
  const found = await page.evaluate(() => {
    const nodes = (html: string) =>
      window.handoutContent.pageNodes(new DOMParser().parseFromString(html, 'text/html')).map((el) => el.localName);
    return {
      article: nodes(
        '<nav><p>menu</p></nav><main><p>outside</p><article><h1>T</h1><p>a</p><section>b</section></article></main>',
      ),
      main: nodes('<main><h1>T</h1><p>a</p></main><footer><p>f</p></footer>'),
      none: nodes('<body><h1>T</h1><script>alert(1)</script><p>a</p></body>'),
    };
  });
  expect(found).toEqual({ article: ['p', 'section'], main: ['p'], none: [] });
});

test('cleanCopy: nested drawings, MathML, base and meta, srcset, image maps and protocol-relative links carry nothing that runs or fetches', async ({
  page,
}) => {
  const out = await clean(
    page,
    [
      '<P ONCLICK="x()">Upper<SCRIPT>alert(1)</SCRIPT></P><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<link rel="stylesheet" href="https://evil.example/s.css"><img src="/a.svg" srcset="https://evil.example/b.png 2x" alt="A">',
      '<img src="//evil.example/c.png" alt="C"><a href="//evil.example/">p</a><map><area href="javascript:alert(1)"></map>',
      '<svg viewBox="0 0 4 4"><style>*{x:url(https://evil.example/)}</style><svg onload="alert(1)"><script>alert(1)</script><circle r="1"/></svg>',
      '<a xlink:href="javascript:alert(1)"><rect width="1" height="1" style="fill:url(https://evil.example/)"/></a></svg>',
      '<math><mtext><script>alert(1)</script>m</mtext><maction actiontype="statusline" xlink:href="javascript:alert(1)">n</maction></math>',
    ].join(''),
  );
  expect(out).toBe(
    '<p>Upper</p><img src="/a.svg" alt="A">' +
      '<span>p</span>' +
      // An <a> in a drawing is not on the drawing's list: it goes, with what it wraps.
      '<svg viewBox="0 0 4 4"><svg><circle r="1"></circle></svg></svg>' +
      'mn',
  );
});

test("a hostile page's section and whole body, taken out and cleaned, keep the words and nothing that runs", async ({
  page,
}) => {
  const out = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(
      `<main><article><h1 onclick="x()">T</h1>
      <div class="section-heading"><h2 id="what">What</h2></div><p onmouseover="x()">one<script>alert(1)</script></p>
      <iframe srcdoc="<script>alert(1)</script>"></iframe><div style="x" class="evil"><a href="javascript:alert(1)">two</a></div>
      <h2 id="next">Next</h2></article></main>`,
      'text/html',
    );
    const html = (nodes: Element[] | null) => {
      const box = document.createElement('div');
      box.append(
        ...(nodes ?? []).flatMap((n) => window.handoutContent.cleanCopy(n, new URL('/faq/a/', location.href))),
      );
      return box.innerHTML.replace(/\s+/g, ' ').trim();
    };
    return {
      section: html(window.handoutContent.sectionNodes(doc, 'what')),
      page: html(window.handoutContent.pageNodes(doc)),
    };
  });
  expect(out).toEqual({
    section: '<p>one</p><div><span>two</span></div>',
    page: '<div><h3>What</h3></div><p>one</p><div><span>two</span></div><h3>Next</h3>',
  });
});
