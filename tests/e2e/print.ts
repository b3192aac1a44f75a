// Helpers for the print tests: how many sheets a printout takes and how much
// of each it fills, read from the PDF Chromium prints, and what its QR code
// says when read from pixels, the way a phone reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { readContentYaml } from '../../scripts/lib/content-data.ts';
import { sheetRequest, type ClinicSheet } from '../../src/lib/clinic-sheets.ts';
import { formatHandoutHash, HANDOUT_PATH } from '../../src/lib/handout.ts';

const jsQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

export const PAPER = ['A4', 'Letter'] as const;

/** The printable clinic sheets offered on /for-clinics/ (content/clinic-sheets.yaml), as the handouts they open. */
export const CLINIC_SHEETS = (readContentYaml('clinic-sheets.yaml') as ClinicSheet[]).map(
  (s) => HANDOUT_PATH + formatHandoutHash(sheetRequest(s)),
);

/**
 * Sheets a printout of `url` (a path, with its hash) may take: architecture.md's
 * budgets (an FAQ 2, a cause or a treatment 3, /red-flags/ 3), a clinic sheet
 * 2 of A4 (3 of Letter: 18 mm shorter, its notes and footer may run onto a
 * third sheet), any other handout 4, the start page 2; no list or tool page
 * runs past 4.
 */
export function printBudget(url: string, format: (typeof PAPER)[number]): number {
  if (CLINIC_SHEETS.includes(url)) return format === 'A4' ? 2 : 3;
  const path = url.split('#')[0]!;
  if (/^\/faq\/[^/]+\/$/.test(path) || path === '/') return 2;
  if (/^\/(causes|treatments)\/[^/]+\/$/.test(path) || path === '/red-flags/') return 3;
  return 4;
}
/** Less ink than this on a sheet (a share of its printable height) wastes the sheet: a line or two of a footer. */
export const NEAR_EMPTY = 0.15;

/**
 * The sheets the page prints on, as Chromium's print-to-PDF lays it out with
 * the site's print CSS: for each sheet, in order, how far down its printable
 * area the ink goes (0 to 1).
 */
export async function printedSheets(page: Page, format: (typeof PAPER)[number]): Promise<number[]> {
  return sheetsOf(await page.pdf({ format }));
}

/**
 * Reads a PDF as Chromium writes it (no object streams, pages in a /Pages
 * tree, content streams Flate-compressed): for each page, in order, the
 * share of its printable height that holds ink, from the top.
 */
export function sheetsOf(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  /** Where each object's body starts, by object number. */
  const start = new Map([...text.matchAll(/(?<!\d)(\d+) 0 obj\b/g)].map((m) => [m[1]!, m.index + m[0].length]));
  const body = (id: string) => text.slice(start.get(id), text.indexOf('endobj', start.get(id)));
  const pages: string[] = [];
  const walk = (id: string) => {
    const node = body(id);
    const kids = /\/Type\s*\/Pages\b/.test(node) && /\/Kids\s*\[([^\]]*)\]/.exec(node);
    if (kids) for (const kid of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(kid[1]!);
    else pages.push(node);
  };
  const catalog = /\/Root\s+(\d+) 0 R/.exec(text)![1]!;
  walk(/\/Pages\s+(\d+) 0 R/.exec(body(catalog))![1]!);
  return pages.map((node) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(node)![1]!;
    return inkDepth(
      [...contents.matchAll(/(\d+) 0 R/g)].map(([, id]) => streamOf(body(id!), pdf, start.get(id!)!)).join('\n'),
    );
  });
}

/** An object's stream, inflated: its bytes follow "stream" and an end of line. */
function streamOf(body: string, pdf: Buffer, start: number): string {
  const head = /^([\s\S]*?)stream\r?\n/.exec(body)!;
  const length = Number(/\/Length\s+(\d+)/.exec(head[1]!)![1]);
  const raw = pdf.subarray(start + head[0].length, start + head[0].length + length);
  return (/\/FlateDecode/.test(head[1]!) ? inflateSync(raw) : raw).toString('latin1');
}

/** An affine matrix [a b c d e f], as PDF writes them. */
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = ([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix => [
  a * A + b * C,
  a * B + b * D,
  c * A + d * C,
  c * B + d * D,
  e * A + f * C + E,
  e * B + f * D + F,
];
/** The height on the page (PDF user space: up is more) of point x, y drawn under matrix m. */
const heightOf = (x: number, y: number, [, b, , d, , f]: Matrix) => b * x + d * y + f;

/**
 * How far down a page's printable area ink goes, as a share of its height.
 * Runs the operators of a content stream that move or paint (text, paths,
 * images) as a PDF reader would and keeps the lowest point painted. The
 * printable area is the first clipping rectangle: Chromium clips each page to
 * its margin box before drawing.
 */
export function inkDepth(content: string): number {
  const tokens =
    content.match(
      /<[\dA-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|[[\]]/g,
    ) ?? [];
  let ctm = IDENTITY;
  const saved: Matrix[] = [];
  let textLine = IDENTITY;
  let fontSize = 0;
  let operands: number[] = [];
  let path: [number, number, Matrix][] = [];
  let area: { top: number; bottom: number } | undefined;
  let lowest = Infinity;
  const paint = (points: [number, number, Matrix][]) => {
    for (const [x, y, m] of points) lowest = Math.min(lowest, heightOf(x, y, m));
  };
  for (const [i, token] of tokens.entries()) {
    if (/^[-+.\d]/.test(token)) {
      operands.push(Number(token));
      continue;
    }
    if (!/^[A-Za-z'"*]/.test(token)) continue;
    const n = operands;
    operands = [];
    switch (token) {
      case 'q':
        saved.push(ctm);
        break;
      case 'Q':
        ctm = saved.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = times(n as Matrix, ctm);
        break;
      case 're': {
        const [x, y, w, h] = n as [number, number, number, number];
        if (!area && /^W\*?$/.test(tokens[i + 1] ?? '')) {
          const [a, b] = [heightOf(x, y, ctm), heightOf(x, y + h, ctm)];
          area = { top: Math.max(a, b), bottom: Math.min(a, b) };
        } else path.push([x, y, ctm], [x + w, y + h, ctm]);
        break;
      }
      case 'm':
      case 'l':
        path.push([n[0]!, n[1]!, ctm]);
        break;
      case 'c':
        path.push([n[0]!, n[1]!, ctm], [n[2]!, n[3]!, ctm], [n[4]!, n[5]!, ctm]);
        break;
      case 'f':
      case 'F':
      case 'f*':
      case 'S':
      case 's':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        paint(path);
        path = [];
        break;
      case 'n':
        path = [];
        break;
      case 'BT':
        textLine = IDENTITY;
        break;
      case 'Tf':
        fontSize = n[0]!;
        break;
      case 'Tm':
        textLine = n as Matrix;
        break;
      case 'Td':
      case 'TD':
        textLine = times([1, 0, 0, 1, n[0]!, n[1]!], textLine);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"': {
        // From the descenders below the baseline up to the tops of capitals.
        const m = times(textLine, ctm);
        paint([
          [0, -0.25 * fontSize, m],
          [0, 0.75 * fontSize, m],
        ]);
        break;
      }
      case 'Do':
        paint([
          [0, 0, ctm],
          [1, 1, ctm],
        ]);
        break;
    }
  }
  if (!area || lowest === Infinity) return 0;
  return Math.min(1, Math.max(0, (area.top - lowest) / (area.top - area.bottom)));
}

/** Reads the page's printed QR code from pixels. */
export async function readQrCode(page: Page): Promise<string | null> {
  // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(jsQR, 'utf8'));
  return page.evaluate(async () => {
    const svg = document.querySelector('.printed-address svg')!;
    const img = new Image();
    img.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const size = 400;
    const quiet = 40;
    const canvas = Object.assign(document.createElement('canvas'), {
      width: size + 2 * quiet,
      height: size + 2 * quiet,
    });
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, quiet, quiet, size, size);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // @ts-expect-error jsQR is the script evaluated above.
    return (window.jsQR(data, width, height) as { data: string } | null)?.data ?? null;
  });
}

/** True when, in print, the printed address comes before the page's heading: at the top of page 1. */
export async function addressIsOnTop(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const address = document.querySelector('.printed-address')!.getBoundingClientRect();
    const h1 = document.querySelector('main h1')!.getBoundingClientRect();
    // 200 CSS px is well inside the first sheet on A4 and Letter.
    return address.bottom <= h1.top && address.top < 200;
  });
}
