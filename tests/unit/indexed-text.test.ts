import assert from 'node:assert/strict';
import test from 'node:test';
import { indexedText } from '../../src/integrations/indexed-text.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

test('indexed text is what is inside data-pagefind-body, minus ignored parts, scripts and styles', () => {
  const html = `<html><head><title>Head</title><style>x{}</style></head><body>
    <header><a href="/">Site name</a><svg><path d="M0 0"/></svg></header>
    <article class="entry" data-pagefind-body><h1>Calf&nbsp;strain</h1><p hidden>pulled muscle.</p>
      <section data-pagefind-ignore><h2>Related</h2><p>Other page</p></section><br><script>var s = 1;</script><p>Rest it.</p></article>
    <footer>Footer</footer></body></html>`;
  assert.deepEqual(words(indexedText(html)), ['Calf', 'strain', 'pulled', 'muscle.', 'Rest', 'it.']);
});

test('every body element of a page counts; a page without one has no indexed text', () => {
  assert.deepEqual(
    words(indexedText('<main><div data-pagefind-body="">One</div><p>skip</p><div data-pagefind-body>Two</div></main>')),
    ['One', 'Two'],
  );
  assert.equal(indexedText('<p>mentions data-pagefind-body in its text</p>'), '');
});
