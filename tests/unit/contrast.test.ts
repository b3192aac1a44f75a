import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  composite,
  contrastRatio,
  isLargeText,
  minimumRatio,
  parseCssColor,
  relativeLuminance,
} from '../../scripts/lib/contrast.ts';

const close = (actual: number, expected: number, digits = 2) =>
  assert.equal(actual.toFixed(digits), expected.toFixed(digits));

test('relative luminance: black 0, white 1, and sRGB grey and primaries as WCAG defines them', () => {
  assert.equal(relativeLuminance([0, 0, 0]), 0);
  assert.equal(relativeLuminance([255, 255, 255]), 1);
  close(relativeLuminance([255, 0, 0]), 0.2126, 4);
  close(relativeLuminance([0, 255, 0]), 0.7152, 4);
  close(relativeLuminance([0, 0, 255]), 0.0722, 4);
  // #777: the classic grey just under 4.5:1 on white.
  close(relativeLuminance([0x77, 0x77, 0x77]), 0.1845, 4);
  // The linear part of the curve, below 0.04045.
  close(relativeLuminance([10, 10, 10]), 10 / 255 / 12.92, 6);
});

test('contrast ratio: 21 for black on white, 1 for a colour on itself (the blank bar), either order', () => {
  assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
  assert.equal(contrastRatio([255, 255, 255], [255, 255, 255]), 1);
  assert.equal(contrastRatio([255, 255, 255], [0, 0, 0]), 21);
  // #777 and #767676 on white: the well-known greys either side of 4.5:1.
  close(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255]), 4.48);
  close(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255]), 4.54);
});

test('computed colours are read in each form Chromium gives; others are refused, not guessed', () => {
  assert.deepEqual(parseCssColor('rgb(255, 255, 255)'), [255, 255, 255, 1]);
  assert.deepEqual(parseCssColor('rgba(0, 0, 0, 0.5)'), [0, 0, 0, 0.5]);
  assert.deepEqual(parseCssColor('rgb(10 20 30 / 25%)'), [10, 20, 30, 0.25]);
  assert.deepEqual(parseCssColor('rgba(0, 0, 0, 0)'), [0, 0, 0, 0]);
  assert.throws(() => parseCssColor('oklch(0.5 0.1 200)'), /cannot read the colour "oklch/);
  assert.throws(() => parseCssColor('canvastext'), /cannot read/);
});

test('a colour with alpha or opacity is painted part-way to its background', () => {
  assert.deepEqual(composite([0, 0, 0, 1], [255, 255, 255]), [0, 0, 0]);
  assert.deepEqual(composite([0, 0, 0, 0], [255, 255, 255]), [255, 255, 255]);
  assert.deepEqual(composite([0, 0, 0, 1], [255, 255, 255], 0.5), [127.5, 127.5, 127.5]);
  assert.deepEqual(composite([0, 0, 0, 0.5], [255, 255, 255], 0.5), [191.25, 191.25, 191.25]);
  // Transparent text has no contrast at all, whatever its colour.
  assert.equal(contrastRatio(composite([0, 0, 0, 0], [255, 255, 255]), [255, 255, 255]), 1);
});

test('large text (24 px, or 18.66 px bold) needs 3:1; other text 4.5:1', () => {
  assert.equal(isLargeText(24, 400), true);
  assert.equal(isLargeText(23.9, 400), false);
  assert.equal(isLargeText(18.66, 700), true);
  assert.equal(isLargeText(18.66, 600), false);
  assert.equal(isLargeText(18.6, 700), false);
  assert.equal(minimumRatio(16, 400), 4.5);
  assert.equal(minimumRatio(16, 700), 4.5);
  assert.equal(minimumRatio(19, 700), 3);
  assert.equal(minimumRatio(32, 400), 3);
});
