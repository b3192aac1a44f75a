// The illustrations (src/illustrations/*.svg, src/lib/figures.ts): small,
// coloured only by the page (so light, dark, forced colours and print all
// work), and a drawing that shows a start and an end says which is which in
// words on the drawing, not only by a paler shade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { FIGURES } from '../../src/lib/figures.ts';

const DIR = 'src/illustrations';
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.svg'))
  .sort();
const drawing = (name: string) => fs.readFileSync(`${DIR}/${name}`, 'utf8');
const words = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.trim());

test('every illustration named in figures.ts has a drawing, and every drawing a name', () => {
  assert.deepEqual(
    files,
    Object.keys(FIGURES)
      .map((n) => `${n}.svg`)
      .sort(),
  );
});

test('each drawing is at most 4 kB gzipped', () => {
  for (const f of files) {
    const size = gzipSync(drawing(f), { level: 9 }).length;
    assert.ok(size <= 4_000, `${f}: ${size} bytes gzipped`);
  }
});

test("drawings carry no colours of their own: currentColor and the page's classes only", () => {
  for (const f of files) {
    const svg = drawing(f);
    assert.doesNotMatch(svg, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\bstyle=|<style|<script|\bon[a-z]+=|href=/i, f);
    for (const [, value] of svg.matchAll(/\b(?:fill|stroke)="([^"]*)"/g))
      assert.equal(value, 'currentColor', `${f}: fill or stroke "${value}"`);
  }
});

/** Diagrams, not movements: their pale parts are layers of the body, not a start position. */
const DIAGRAMS = new Set(['calf-anatomy.svg']);

test('a drawing with a pale start position names the start and the end in words on the drawing', () => {
  for (const f of files) {
    const svg = drawing(f);
    if (DIAGRAMS.has(f) || !/opacity="\.\d+"/.test(svg)) continue;
    const text = words(svg).join(' | ');
    assert.match(text, /\bStart\b/, `${f} shows a pale start but never says "Start": ${text}`);
    assert.match(text, /\bEnd\b/, `${f} never says "End": ${text}`);
  }
  // The heel drop shows the two positions side by side, numbered.
  assert.deepEqual(
    words(drawing('heel-drop.svg')).filter((w) => /^\d /.test(w)),
    ['1 Start', '2 End'],
  );
});

test('a handout keeps every class a drawing uses (src/scripts/handout-content.ts), or the drawing prints as black shapes', async () => {
  const { SVG_CLASSES } = await import('../../src/scripts/handout-content.ts');
  for (const f of files) {
    for (const [, list] of drawing(f).matchAll(/\bclass="([^"]*)"/g)) {
      for (const c of list!.split(/\s+/)) assert.ok(SVG_CLASSES.has(c), `${f}: class "${c}" is not kept in a handout`);
    }
  }
});
