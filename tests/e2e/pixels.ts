// Contrast as a person sees it: every visible text in the viewport against
// the pixels actually painted behind it, read from a screenshot. The
// background of a text is the colour most of its line boxes' pixels have
// (glyphs cover a minority of them), so it holds in light, dark and forced
// colours alike, and for a panel painted by any rule, fixed or not.
import type { Locator, Page } from '@playwright/test';
import { composite, contrastRatio, minimumRatio, parseCssColor, type Rgb } from '../../scripts/lib/contrast.ts';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface TextRun {
  text: string;
  where: string;
  color: string;
  opacity: number;
  fontSize: number;
  fontWeight: number;
  rects: Rect[];
}
/** The background, and the painted pixel farthest from it (the glyphs' core, or the background itself when no glyph shows). */
interface Painted {
  background: Rgb;
  glyph: Rgb;
}

/** Every text node a person can see in the viewport, with its line boxes (clipped to the viewport) and computed colour. */
function visibleTextRuns(page: Page): Promise<TextRun[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const skip = 'script, style, template, noscript, svg, [hidden], [inert]';
    /** Clipped to nothing: .visually-hidden and the like (a 1 px box that hides its overflow). */
    const clippedAway = (el: Element | null): boolean => {
      for (; el && el !== document.body; el = el.parentElement) {
        const box = el.getBoundingClientRect();
        if ((box.width <= 1 || box.height <= 1) && getComputedStyle(el).overflow !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
        parts.unshift(
          e.tagName.toLowerCase() +
            (e.id ? `#${e.id}` : '') +
            [...e.classList]
              .slice(0, 2)
              .map((c) => `.${c}`)
              .join(''),
        );
      }
      return parts.join(' > ');
    };
    const runs: TextRun[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !/\S/.test(node.textContent ?? '') || el.closest(skip)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // In the viewport first: the cheap test, as most of a long page is out of view.
      const inView = [...range.getClientRects()]
        .map((r) => {
          const x = Math.max(0, Math.ceil(r.left));
          const y = Math.max(0, Math.ceil(r.top));
          return { x, y, width: Math.min(vw, Math.floor(r.right)) - x, height: Math.min(vh, Math.floor(r.bottom)) - y };
        })
        .filter((r) => r.width >= 3 && r.height >= 3);
      if (!inView.length) continue;
      if (
        !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }) ||
        clippedAway(el)
      )
        continue;
      const rects: Rect[] = [];
      for (const { x, y, width, height } of inView) {
        // Covered, even in part, by something else (a fixed bar, the header): not what a person
        // reads here, and its pixels would be the cover's. Centre and the four corners.
        const points = [
          [x + width / 2, y + height / 2],
          [x + 1, y + 1],
          [x + width - 1, y + 1],
          [x + 1, y + height - 1],
          [x + width - 1, y + height - 1],
        ];
        const ours = (hit: Element | null) => !!hit && (hit === el || el.contains(hit) || hit.contains(el));
        if (!points.every(([px, py]) => ours(document.elementFromPoint(px!, py!)))) continue;
        rects.push({ x, y, width, height });
      }
      if (!rects.length) continue;
      const style = getComputedStyle(el);
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      runs.push({
        text: node.textContent!.trim().replace(/\s+/g, ' ').slice(0, 60),
        where: describe(el),
        color: style.color,
        opacity,
        fontSize: parseFloat(style.fontSize),
        fontWeight: Number(style.fontWeight),
        rects,
      });
    }
    return runs;
  });
}

/**
 * For each run, from the screenshot: the colour most of its pixels have (the
 * background) and the pixel farthest from it in colour (the glyphs' core). Decoded in
 * the page itself (createImageBitmap on the bytes: no request, so the site's
 * Content-Security-Policy has nothing to refuse).
 */
function paintedBehind(page: Page, png: Buffer, runs: TextRun[]): Promise<Painted[]> {
  return page.evaluate(
    async ({ base64, rectsPerRun }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      return rectsPerRun.map((rects) => {
        const counts = new Map<number, number>();
        for (const r of rects) {
          for (let y = r.y; y < r.y + r.height; y++) {
            for (let x = r.x; x < r.x + r.width; x++) {
              const i = (y * width + x) * 4;
              const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
          }
        }
        const mode = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
        const rgb = (k: number): [number, number, number] => [(k >> 16) & 255, (k >> 8) & 255, k & 255];
        const bg = rgb(mode);
        const distance = (k: number) => rgb(k).reduce((sum, c, i) => sum + (c - bg[i]!) ** 2, 0);
        const farthest = [...counts.keys()].reduce((a, b) => (distance(b) > distance(a) ? b : a));
        return { background: bg, glyph: rgb(farthest) };
      });
    },
    { base64: png.toString('base64'), rectsPerRun: runs.map((r) => r.rects) },
  );
}

/**
 * Each visible text in the viewport whose contrast with what is painted
 * behind it is below WCAG AA (4.5:1, 3:1 for large text), one line each. The
 * text's colour is its computed colour (with its alpha and opacity) over that
 * background; a text whose pixels are all but the background's colour (white
 * on white, or hidden by its opacity) counts as 1:1 whatever its colour says.
 * With `within`, only the texts inside that element's box.
 */
export async function lowContrastTexts(page: Page, png: Buffer, within?: Locator): Promise<string[]> {
  let runs = await visibleTextRuns(page);
  if (within) {
    const box = await within.boundingBox();
    const inside = (r: Rect) =>
      !!box &&
      r.x >= box.x - 1 &&
      r.y >= box.y - 1 &&
      r.x + r.width <= box.x + box.width + 1 &&
      r.y + r.height <= box.y + box.height + 1;
    runs = runs.map((run) => ({ ...run, rects: run.rects.filter(inside) })).filter((run) => run.rects.length);
    // Nothing legible to measure is itself a failure: a blank answer must not pass.
    if (!runs.length) return [`no visible text in ${within}`];
  }
  const painted = await paintedBehind(page, png, runs);
  const failures: string[] = [];
  runs.forEach((run, i) => {
    const { background, glyph } = painted[i]!;
    const colour = composite(parseCssColor(run.color), background, run.opacity);
    const computed = contrastRatio(colour, background);
    // What the glyphs actually paint: near their colour at their core, the background's when nothing shows.
    const strongest = contrastRatio(glyph, background);
    const ratio = strongest < 1.5 ? strongest : computed;
    const needed = minimumRatio(run.fontSize, run.fontWeight);
    if (ratio < needed) {
      failures.push(
        `"${run.text}" (${run.where}): ${ratio.toFixed(2)}:1, needs ${needed}:1 — text ${run.color} on painted rgb(${background.join(', ')})${strongest < 1.5 ? ', no glyph visible' : ''}`,
      );
    }
  });
  return failures;
}

/** True when the whole element is inside the viewport. */
export async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = page.viewportSize()!;
  return !!b && b.y >= 0 && b.x >= 0 && b.y + b.height <= v.height && b.x + b.width <= v.width;
}
