import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildManifest,
  groupByCollection,
  headingAnchors,
  manifestUrls,
  type ManifestPage,
} from '../../src/lib/manifest.ts';
import { checklistPath, sectionListPath } from '../../src/lib/urls.ts';

const page = (
  url: string,
  anchors: string[] = [],
  collection: ManifestPage['collection'] = 'causes',
): ManifestPage => ({
  url,
  title: `Title of ${url}`,
  collection,
  anchors: anchors.map((id) => ({ id, title: `Title of ${id}` })),
});

test('only h2 and h3 headings become anchors, in page order', () => {
  const anchors = headingAnchors([
    { depth: 2, slug: 'what-to-do', text: 'What to do' },
    { depth: 4, slug: 'detail', text: 'Detail' },
    { depth: 3, slug: 'at-home', text: 'At home' },
    { depth: 1, slug: 'title', text: 'Title' },
  ]);
  assert.deepEqual(anchors, [
    { id: 'what-to-do', title: 'What to do' },
    { id: 'at-home', title: 'At home' },
  ]);
});

test('the manifest has exactly the shape of the URL contract', () => {
  const extra = { ...page('/causes/ice/', ['what-to-do']), note: 'dropped' } as ManifestPage;
  const m = buildManifest({
    site: 'https://clinic.example',
    generated: new Date('2026-01-02T03:04:05Z'),
    pages: [extra],
  });
  assert.deepEqual(Object.keys(m), ['site', 'generated', 'pages']);
  assert.equal(m.site, 'https://clinic.example/');
  assert.equal(m.generated, '2026-01-02T03:04:05.000Z');
  assert.deepEqual(Object.keys(m.pages[0]!), ['url', 'title', 'collection', 'anchors']);
  assert.deepEqual(m.pages[0]!.anchors, [{ id: 'what-to-do', title: 'Title of what-to-do' }]);
});

test('the manifest refuses anything that would give a clinic a bad link', () => {
  const build = (pages: ManifestPage[]) => buildManifest({ site: 'https://x.example/', generated: new Date(), pages });
  for (const url of [
    '/causes/ice',
    'causes/ice/',
    '/Causes/',
    '/causes/ice/#x',
    'https://x.example/causes/',
    '/causes//',
  ]) {
    assert.throws(() => build([page(url)]), /not a page path/, url);
  }
  assert.throws(() => build([page('/causes/ice/'), page('/causes/ice/')]), /listed twice/);
  assert.throws(() => build([{ ...page('/causes/'), title: ' ' }]), /no title/);
  assert.throws(() => build([page('/causes/ice/', ['What_To_Do'])]), /section id "What_To_Do"/);
  assert.throws(() => build([page('/causes/ice/', ['sources', 'sources'])]), /two sections with the id "sources"/);
  assert.doesNotThrow(() => build([page('/'), page('/causes/ice/', ['sources']), page('/faq/', ['sources'])]));
});

test('pages group by collection in /for-clinics/ order, without empty groups', () => {
  const groups = groupByCollection([
    page('/', [], 'pages'),
    page('/causes/ice/'),
    page('/red-flags/', [], 'red-flags'),
    page('/causes/'),
  ]);
  assert.deepEqual(
    groups.map((g) => [g.id, g.collection, g.pages.map((p) => p.url)]),
    [
      ['links-to-red-flags', 'red-flags', ['/red-flags/']],
      ['links-to-causes', 'causes', ['/causes/ice/', '/causes/']],
      ['links-to-pages', 'pages', ['/']],
    ],
  );
});

test('the published URLs are every page and every section of it', () => {
  assert.deepEqual(manifestUrls({ pages: [page('/'), page('/causes/ice/', ['a', 'b'])] }), [
    '/',
    '/causes/ice/',
    '/causes/ice/#a',
    '/causes/ice/#b',
  ]);
});

test('a pre-filled checklist link lists the red-flag ids after #check=', () => {
  assert.equal(checklistPath(['pop-or-snap', 'fever']), '/red-flags/#check=pop-or-snap,fever');
  assert.throws(() => checklistPath(['fever', 'x,y']), /not a red-flag id/);
  assert.equal(sectionListPath('faq'), '/for-clinics/faq/');
});
