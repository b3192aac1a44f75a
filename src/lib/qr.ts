// A QR code as one stroked SVG path: the printed address draws it at build
// time (src/components/PrintedAddress.astro) and in the browser when a page's
// printed address changes (src/scripts/printed-address.ts). `uqr`'s encoder
// gives the modules; its own SVG renderer draws a rectangle per module.
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, without the quiet zone (print.css adds it). */
  size: number;
  /** Each run of dark modules in a row as a line 1 module thick, to stroke: M starts a row, m steps along it. */
  d: string;
}

/** The QR code for a text at error-correction level M. */
export function qrPath(text: string): QrPath {
  const { size, data } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  for (let y = 0; y < size; y++) {
    let pen = -1; // Where the last run in this row ended; -1 before the first.
    for (let x = 0; x < size; x++) {
      if (!data[y][x]) continue;
      const start = x;
      while (x + 1 < size && data[y][x + 1]) x++;
      d += pen === -1 ? `M${start} ${y + 0.5}` : `m${start - pen} 0`;
      d += `h${x - start + 1}`;
      pen = x + 1;
    }
  }
  return { size, d };
}
