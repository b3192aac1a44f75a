// Layout shift as Chromium reports it (the CLS of architecture.md's budget),
// counted from the first paint of every page the browser page loads next.
import type { Page } from '@playwright/test';

export const CLS_BUDGET = 0.02;

/** Starts counting; `cls()` reads the sum for the page shown, two frames after its last change; `stop()` ends it. */
export async function watchLayoutShift(page: Page) {
  const script = await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return {
    cls: () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve((window as unknown as { cls: number }).cls)),
            ),
          ),
      ),
    stop: () => script.dispose(),
  };
}
