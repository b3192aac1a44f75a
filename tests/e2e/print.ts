// Helpers for the print tests: how many sheets a printout takes, and what its
// QR code says when read from pixels, the way a phone reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const jsQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

export const PAPER = ['A4', 'Letter'] as const;

/** Sheets the page prints on, as Chromium's print-to-PDF lays it out with the site's print CSS. */
export async function printedPages(page: Page, format: (typeof PAPER)[number]): Promise<number> {
  const pdf = (await page.pdf({ format })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
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
    const canvas = Object.assign(document.createElement('canvas'), { width: size + 2 * quiet, height: size + 2 * quiet });
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
