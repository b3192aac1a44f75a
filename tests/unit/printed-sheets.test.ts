// The PDF reader of the print tests (tests/e2e/print.ts): sheets in page-tree
// order, and how far down each the ink goes, on a PDF written the way
// Chromium writes one (a flipped page, a clip to the margin box, CSS pixels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { inkDepth, sheetsOf } from '../e2e/print.ts';

// An A4-high page (842 pt) drawn top-down in 1/300 inch, clipped to a margin
// box from 100 to 3100 units down: 818 pt to 98 pt up, 720 pt high.
const page = (drawing: string) =>
  `.24 0 0 -.24 0 842 cm\nq\n100 100 2000 3000 re\nW* n\nq\n3.125 0 0 3.125 100 100 cm\n${drawing}\nQ\nQ\n`;
// A 12 px line of text on a baseline 900 CSS px down: its descenders reach
// 903 px, 100 + 3.125 * 903 units, 140.75 pt up: (818 - 140.75) / 720 of the box.
const TEXT = page('BT\n/F1 12 Tf\n1 0 0 -1 0 900 Tm\n<0001> Tj\n20 0 Td <0002> Tj\nET');
// A rule 70 CSS px down: 818 - (842 - .24 * (100 + 3.125 * 70)) = 52.5 pt down the box.
const RULE = page('0 0 0 RG\n0 70 m\n700 70 l\nS');

function pdf(first: string, second: string): Buffer {
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Count 2 /Kids [3 0 R 4 0 R]>>',
    '<</Type /Pages /Parent 2 0 R /Count 1 /Kids [6 0 R]>>',
    // The second sheet is written before the first: the order is the tree's.
    '<</Type /Page /Parent 2 0 R /Contents 5 0 R>>',
    `<</Length ${second.length}>>\nstream\n${second}\nendstream`,
    '<</Type /Page /Parent 3 0 R /Contents 7 0 R>>',
  ];
  const head = objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('');
  const compressed = deflateSync(first);
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n${head}7 0 obj\n<</Filter /FlateDecode /Length ${compressed.length}>>\nstream\n`, 'latin1'),
    compressed,
    Buffer.from('\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  ]);
}

test('the sheets come in page-tree order, each with how far down its ink goes', () => {
  const sheets = sheetsOf(pdf(TEXT, RULE));
  assert.equal(sheets.length, 2);
  assert.ok(Math.abs(sheets[0]! - (818 - 140.75) / 720) < 1e-6, String(sheets[0]));
  assert.ok(Math.abs(sheets[1]! - 52.5 / 720) < 1e-6, String(sheets[1]));
});

test('a sheet with nothing drawn, or a path never painted, holds no ink', () => {
  assert.equal(inkDepth(page('')), 0);
  assert.equal(inkDepth(page('0 500 700 10 re\nn')), 0);
});
