import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHandoutHash, handoutUrl, keepKnown, MAX_PARTS, parseHandoutHash, parsePart } from '../../src/lib/handout.ts';

test('reads pages, a section and signs from a handout hash, in order', () => {
  assert.deepEqual(parseHandoutHash('#pages=/faq/can-i-run/,/causes/strain/%23what-helps&check=fever,pop-or-snap'), {
    parts: [{ path: '/faq/can-i-run/' }, { path: '/causes/strain/', anchor: 'what-helps' }],
    check: ['fever', 'pop-or-snap'],
  });
  assert.deepEqual(parseHandoutHash('check=fever'), { parts: [], check: ['fever'] });
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
  const { parts, check } = parseHandoutHash(`#pages=${hostile.join(',')},/faq/ok/&check=<script>,FEVER,fe%20ver,%E0%A4%A,fever&x=1&&=`);
  assert.deepEqual(parts, [{ path: '/faq/ok/' }]);
  assert.deepEqual(check, ['fever']);
});

test('repeats are kept once and a very long link is cut, not refused', () => {
  const many = Array.from({ length: 40 }, (_, i) => `/faq/q${i}/`);
  assert.equal(parseHandoutHash(`pages=${many.join(',')}`).parts.length, MAX_PARTS);
  assert.deepEqual(parseHandoutHash('pages=/faq/a/,/faq/a/,/faq/a/%23x,/faq/a/#x').parts, [{ path: '/faq/a/' }, { path: '/faq/a/', anchor: 'x' }]);
});

test('formats the link a clinic sends, and reads it back the same', () => {
  const request = { parts: [{ path: '/faq/a/' }, { path: '/causes/b/', anchor: 'what-helps' }], check: ['fever', 'pop-or-snap'] };
  const hash = formatHandoutHash(request);
  assert.equal(hash, '#pages=/faq/a/,/causes/b/%23what-helps&check=fever,pop-or-snap');
  assert.deepEqual(parseHandoutHash(hash), request);
  assert.equal(handoutUrl('https://clinic.example/guide/', request), `https://clinic.example/handout/${hash}`);
  assert.equal(formatHandoutHash({ parts: [], check: [] }), '');
  assert.equal(formatHandoutHash({ parts: [], check: ['fever'] }), '#check=fever');
});

test('keeps only pages, sections and signs the site publishes', () => {
  const pages = [
    { url: '/faq/a/', title: 'A?', anchors: [] },
    { url: '/causes/b/', title: 'B', anchors: [{ id: 'what-helps', title: 'What helps' }] },
  ];
  const request = parseHandoutHash('pages=/faq/a/,/faq/gone/,/causes/b/%23what-helps,/causes/b/%23gone&check=fever,made-up');
  assert.deepEqual(keepKnown(request, pages, ['fever', 'pop-or-snap']), {
    parts: [
      { path: '/faq/a/', pageTitle: 'A?' },
      { path: '/causes/b/', anchor: 'what-helps', pageTitle: 'B', sectionTitle: 'What helps' },
    ],
    check: ['fever'],
  });
});
