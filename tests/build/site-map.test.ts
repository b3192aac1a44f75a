// The site map has one author: src/lib/site-map.ts, made once from the content
// loader's own parse (what `npm run check` checks links against) and once from
// Astro's collections (what the build publishes; the body headings there are
// the loader's, stored in the headings collection, and tests/build/pages.test.ts
// checks them against the rendered pages). The two must be the same map, page
// for page and section for section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContent } from '../../src/content-loaders.ts';
import { builtManifest } from '../../scripts/lib/built-site.ts';

test("the site map made from the loader's parse is /links.json, page for page and section for section", () => {
  const { problems, siteMap } = checkContent();
  assert.deepEqual(
    problems.filter((p) => !p.warning),
    [],
    'the content passes its checks',
  );
  const fromLoader = siteMap.map((p) => ({
    url: p.url,
    title: p.title,
    collection: p.collection,
    anchors: p.anchors.map((a) => ({ id: a.id, title: a.title })),
  }));
  const published = builtManifest().pages;
  assert.ok(published.length > 60, `only ${published.length} pages in links.json`);
  assert.deepEqual(fromLoader, published);
});
