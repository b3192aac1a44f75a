import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { qrPath } from '../../src/lib/qr.ts';

const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  w: number,
  h: number,
) => { data: string } | null;

/** Draws the path's lines as pixels (4 per module, 4 modules of quiet zone) and reads them back as a phone would. */
function read(text: string): string | null {
  const { size, d } = qrPath(text);
  const scale = 4;
  const quiet = 4;
  const side = (size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (cmd === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++, x++) {
        for (let py = 0; py < scale; py++) {
          for (let px = 0; px < scale; px++) {
            const at = (((y + quiet) * scale + py) * side + (x + quiet) * scale + px) * 4;
            pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
          }
        }
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

test('the QR path reads back as the address it encodes, short or long', () => {
  for (const url of [
    'https://calf-guide.example/faq/can-i-run-with-sore-calves/',
    'https://clinic.example/handout/#pages=/faq/can-i-run-with-sore-calves/,/treatments/ice/,/causes/calf-strain-or-tear/%23what-to-do-now&check=pop-or-snap,fever',
  ]) {
    assert.equal(read(url), url);
  }
});
