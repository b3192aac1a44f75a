// What a person sees, read from the pixels: the contrast between an element's
// text and what is actually painted behind it, from a screenshot of the
// element (not from computed styles, which a later rule or a fixed bar over
// the page can belie). Decoded in the page's own canvas, so no image library.
import type { Locator, Page } from '@playwright/test';

/**
 * The contrast ratio (WCAG) between the colour painted most in the element
 * (its background) and the colour, among those covering at least 0.5% of it,
 * that differs most from it (the cores of the letters). Blank text on its own
 * background gives 1.
 */
export async function paintedContrast(page: Page, el: Locator): Promise<number> {
  const png = (await el.screenshot({ animations: 'disabled', caret: 'hide' })).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < px.length; i += 4) {
      const rgb = (px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!;
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
    }
    const channel = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const lum = (c: number) => 0.2126 * channel(c >> 16) + 0.7152 * channel((c >> 8) & 255) + 0.0722 * channel(c & 255);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const bg = lum(ranked[0]![0]);
    let best = 1;
    for (const [c, n] of ranked) {
      if (n < (px.length / 4) * 0.005) break;
      const l = lum(c);
      best = Math.max(best, (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05));
    }
    return best;
  }, png);
}

/** True when the whole element is inside the viewport. */
export async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = page.viewportSize()!;
  return !!b && b.y >= 0 && b.x >= 0 && b.y + b.height <= v.height && b.x + b.width <= v.width;
}
