// The site map decides where a content link may go: every section in it
// passes the content check, and a section that is not in it fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContent } from '../../src/content-loaders.ts';
import { checkBody, type ParsedEntry } from '../../src/lib/content-checks.ts';
import { linkTargets, reservedSections, siteMap, type SiteMapInput } from '../../src/lib/site-map.ts';

const { siteMap: pages, context } = checkContent();
const site = linkTargets(pages, context.signIds ?? [], context.redirects);
const linking = (url: string): ParsedEntry => ({
  file: 'content/faq/x.mdx',
  id: 'x',
  data: {},
  headings: [],
  links: [{ url, line: 9 }],
  components: [],
  problems: [],
});
const check = (url: string) => checkBody(linking(url), reservedSections('faq'), site);

test('a link to every page and every section in the site map passes the content check', () => {
  const urls = pages.flatMap((p) => [p.url, ...p.anchors.map((a) => `${p.url}#${a.id}`)]);
  assert.ok(urls.length > 500, `only ${urls.length} addresses in the site map`);
  assert.ok(urls.includes('/red-flags/#sources'), 'the red-flags page lists its sources section');
  assert.deepEqual(urls.flatMap(check), []);
});

test('a section or page not in the site map fails, naming the sections that are there', () => {
  for (const p of pages.filter((p) => p.anchors.length > 0)) {
    const [problem] = check(`${p.url}#not-a-section`);
    assert.match(
      problem?.message ?? '',
      new RegExp(`a section "#not-a-section" that is not on ${p.url}\\. Sections there: #${p.anchors[0]!.id}`),
      p.url,
    );
  }
  assert.match(check('/causes/not-a-page/')[0]?.message ?? '', /goes to a page that does not exist/);
  assert.match(check('/red-flags/#check=not-a-sign')[0]?.message ?? '', /"not-a-sign", which is not a warning sign id/);
});

const entry = (
  collection: 'causes' | 'treatments' | 'faq',
  id: string,
  more: Partial<SiteMapInput['entries'][number]> = {},
) => ({
  collection,
  id,
  title: `Title ${id}`,
  order: 1,
  headings: [],
  cautions: false,
  causes: [],
  treatments: [],
  ...more,
});

test('an entry page lists its sections in page order: signs, body, cautions, get-help, related, sources', () => {
  const input: SiteMapInput = {
    entries: [
      entry('causes', 'strain', {
        treatments: ['ice'],
        headings: [
          { depth: 2, id: 'what-to-do', title: 'What to do' },
          { depth: 4, id: 'deep', title: 'Deep' },
        ],
      }),
      entry('treatments', 'ice', {
        cautions: true,
        causes: ['strain'],
        headings: [{ depth: 3, id: 'how', title: 'How' }],
      }),
      entry('treatments', 'rest', { cautions: false }),
      entry('faq', 'can-i-run', { treatments: ['ice'] }),
    ],
    signs: [{ id: 'fever', tier: 'urgent' }],
    tiers: [
      { id: 'urgent', prefix: 'Urgent:', heading: 'Get help today' },
      { id: 'self-care', prefix: 'Self-care:', heading: 'Look after it' },
    ],
  };
  const map = siteMap(input);
  const ids = (url: string) => map.find((p) => p.url === url)!.anchors.map((a) => `${a.kind}:${a.id}`);
  assert.deepEqual(ids('/causes/strain/'), [
    'layout:signs-this-may-be-you',
    'body:what-to-do',
    'layout:get-help-now',
    'related:what-helps',
    'layout:sources',
  ]);
  assert.deepEqual(ids('/treatments/ice/'), [
    'body:how',
    'layout:be-careful',
    'layout:get-help-now',
    'related:what-it-helps-with',
    'related:questions',
    'layout:sources',
  ]);
  assert.deepEqual(ids('/treatments/rest/'), ['layout:get-help-now', 'layout:sources']);
  assert.deepEqual(ids('/faq/can-i-run/'), ['layout:get-help-now', 'related:related-treatments', 'layout:sources']);
  // Only tiers with signs get a card, then self-care; the page's sources are a section too.
  assert.deepEqual(ids('/red-flags/'), [
    'layout:check-your-signs',
    'layout:warning-signs',
    'tier:urgent',
    'tier:self-care',
    'layout:sources',
  ]);
  assert.equal(map.find((p) => p.url === '/red-flags/')!.anchors[2]!.title, 'Urgent: Get help today');
  assert.deepEqual(ids('/faq/'), ['layout:all-questions', 'group:can-i-run']);
});

test('a body heading may not take an id the entry layout prints', () => {
  const withHeading = (collection: 'causes' | 'treatments' | 'faq', text: string, id: string): ParsedEntry => ({
    ...linking('/'),
    file: `content/${collection}/x.mdx`,
    headings: [{ depth: 2, text, id, line: 5 }],
    links: [],
  });
  assert.match(
    checkBody(withHeading('causes', 'What helps', 'what-helps'), reservedSections('causes'), site)[0]?.message ?? '',
    /remove the heading "What helps": the page already prints its own "What helps" section/,
  );
  assert.match(
    checkBody(withHeading('faq', 'Sources', 'sources'), reservedSections('faq'), site)[0]?.message ?? '',
    /from the frontmatter field sources/,
  );
  assert.deepEqual(checkBody(withHeading('faq', 'What helps', 'what-helps'), reservedSections('faq'), site), []);
});
