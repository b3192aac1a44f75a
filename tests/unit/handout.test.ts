import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatHandoutFields,
  formatHandoutHash,
  handoutUrl,
  keepKnown,
  MAX_PARTS,
  parseHandoutHash,
  parsePart,
  partLimitNote,
} from '../../src/lib/handout.ts';

test('reads pages, a section and signs from a handout hash, in order', () => {
  assert.deepEqual(parseHandoutHash('#pages=/faq/can-i-run/,/causes/strain/%23what-helps&check=fever,pop-or-snap'), {
    parts: [{ path: '/faq/can-i-run/' }, { path: '/causes/strain/', anchor: 'what-helps' }],
    check: ['fever', 'pop-or-snap'],
    watch: [],
    named: 2,
  });
  assert.deepEqual(parseHandoutHash('check=fever'), { parts: [], check: ['fever'], watch: [], named: 0 });
});

test('reads signs to watch for apart from signs the patient has now, from a hash or the builder query', () => {
  assert.deepEqual(parseHandoutHash('#pages=/faq/a/&watch=pop-or-snap,getting-worse'), {
    parts: [{ path: '/faq/a/' }],
    check: [],
    watch: ['pop-or-snap', 'getting-worse'],
    named: 1,
  });
  assert.deepEqual(parseHandoutHash('?watch=fever&check=pop-or-snap'), {
    parts: [],
    check: ['pop-or-snap'],
    watch: ['fever'],
    named: 0,
  });
  // Hostile or malformed watch ids are dropped like check ids.
  assert.deepEqual(parseHandoutHash('watch=<script>,FEVER,fe%20ver,%E0%A4%A,javascript:x,fever,,').watch, ['fever']);
  assert.deepEqual(
    parseHandoutHash(`watch=${Array.from({ length: 100 }, (_, i) => `s${i}`).join(',')}`).watch.length,
    30,
  );
});

test('drops foreign, malformed and hostile parts without throwing', () => {
  const hostile = [
    'https://evil.example/',
    '//evil.example/x/',
    'javascript:alert(1)',
    '/causes/../../etc/',
    '/causes/%2e%2e/',
    '%2F%2Fevil.example%2F',
    '/causes/x/%2523a',
    '/causes/X/',
    '/causes/x',
    '/causes/x/%23',
    '/causes/x/%23bad id',
    '/causes/x/%23a%23b',
    '/handout/',
    '%E0%A4%A',
    '/causes/x/?q=1',
    '',
  ];
  for (const raw of hostile) assert.equal(parsePart(raw), null, raw);
  const { parts, check, named } = parseHandoutHash(
    `#pages=${hostile.join(',')},/faq/ok/&check=<script>,FEVER,fe%20ver,%E0%A4%A,fever&x=1&&=`,
  );
  assert.deepEqual(parts, [{ path: '/faq/ok/' }]);
  assert.deepEqual(check, ['fever']);
  assert.equal(named, 1, 'a dropped part is not counted as named');
});

test('repeats are kept once and a very long link is cut, not refused, and says how many it named', () => {
  const many = Array.from({ length: 40 }, (_, i) => `/faq/q${i}/`);
  const long = parseHandoutHash(`pages=${many.join(',')},${many.join(',')}`);
  assert.deepEqual(
    long.parts,
    many.slice(0, MAX_PARTS).map((path) => ({ path })),
  );
  assert.equal(long.named, 40);
  assert.equal(
    partLimitNote(long.named),
    `This link named 40 parts; a handout holds at most ${MAX_PARTS}: the first ${MAX_PARTS} are shown.`,
  );
  assert.equal(partLimitNote(MAX_PARTS), '');
  assert.equal(parseHandoutHash(`pages=${many.slice(0, MAX_PARTS).join(',')}`).named, MAX_PARTS);
  assert.deepEqual(parseHandoutHash('pages=/faq/a/,/faq/a/,/faq/a/%23x,/faq/a/#x').parts, [
    { path: '/faq/a/' },
    { path: '/faq/a/', anchor: 'x' },
  ]);
});

test('formats the link a clinic sends, and reads it back the same', () => {
  const request = {
    parts: [{ path: '/faq/a/' }, { path: '/causes/b/', anchor: 'what-helps' }],
    check: ['fever', 'pop-or-snap'],
    watch: ['getting-worse'],
  };
  const hash = formatHandoutHash(request);
  assert.equal(hash, '#pages=/faq/a/,/causes/b/%23what-helps&check=fever,pop-or-snap&watch=getting-worse');
  assert.deepEqual(parseHandoutHash(hash), { ...request, named: 2 });
  assert.deepEqual(parseHandoutHash(`?${formatHandoutFields(request)}`), { ...request, named: 2 });
  assert.equal(handoutUrl('https://clinic.example/guide/', request), `https://clinic.example/handout/${hash}`);
  assert.equal(formatHandoutHash({ parts: [], check: [], watch: [] }), '');
  assert.equal(formatHandoutHash({ parts: [], check: ['fever'], watch: [] }), '#check=fever');
  assert.equal(formatHandoutHash({ parts: [], check: [], watch: ['fever'] }), '#watch=fever');
});

test('keeps only pages, sections and signs the site publishes', () => {
  const pages = [
    { url: '/faq/a/', title: 'A?', anchors: [] },
    { url: '/causes/b/', title: 'B', anchors: [{ id: 'what-helps', title: 'What helps' }] },
  ];
  const request = parseHandoutHash(
    'pages=/faq/a/,/faq/gone/,/causes/b/%23what-helps,/causes/b/%23gone&check=fever,made-up&watch=made-up,pop-or-snap',
  );
  assert.deepEqual(keepKnown(request, pages, ['fever', 'pop-or-snap']), {
    parts: [
      { path: '/faq/a/', pageTitle: 'A?' },
      { path: '/causes/b/', anchor: 'what-helps', pageTitle: 'B', sectionTitle: 'What helps' },
    ],
    check: ['fever'],
    watch: ['pop-or-snap'],
  });
});
