import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const urls = ['/red-flags/', '/red-flags/#check=pop-or-snap', '/red-flags/#check=no-better-after-7-days', '/', '/causes/calf-strain-or-tear/', '/for-clinics/', '/for-clinics/causes/', '/handout/#pages=/faq/can-i-run-with-sore-calves/,/treatments/ice/&check=pop-or-snap,fever', '/treatments/calf-strengthening/'];
for (const [w, h] of [[375, 667], [1280, 800]]) for (const url of urls) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  await page.addInitScript(() => { window.__cls = 0; window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push([Math.round(e.value*1000)/1000, e.sources?.map((s) => s.node?.nodeName + '.' + (s.node?.className ?? '')).join(' ')]); } }).observe({ type: 'layout-shift', buffered: true }); });
  await page.goto('http://127.0.0.1:4500' + url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  console.log(w, url, await page.evaluate(() => JSON.stringify([Math.round(window.__cls*1000)/1000, window.__shifts])));
  await ctx.close();
}
await browser.close();
