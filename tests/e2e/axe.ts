// The accessibility bar every page is held to: WCAG 2.2 AA and axe's best practices.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type Axe from 'axe-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/**
 * A colour scheme (dark, forced colours) changes colours, not the document or
 * its layout: on a page already checked in light, only these rules can find
 * something new.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// The minified build: less for Chromium to parse on every page than `axe.source`.
const AXE_SCRIPT = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Options {
  /** Check only this part of the page (a CSS selector). */
  include?: string;
  /** Run only the rules that read colours (see COLOUR_RULES). */
  coloursOnly?: boolean;
}

/**
 * axe violations on the page as it is now, one line each so a failure reads
 * plainly. axe runs in the page itself, injected once per document: the site
 * has no iframes, so the top document is everything. (AxeBuilder would inject
 * axe and open a helper page on every run, which doubles the time.)
 */
export async function axeViolations(page: Page, { include, coloursOnly = false }: Options = {}): Promise<string[]> {
  // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SCRIPT);
  const runOnly = coloursOnly ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: AXE_TAGS };
  return page.evaluate(
    async ({ include, runOnly }) => {
      const { axe } = window as unknown as { axe: typeof Axe };
      const results = await axe.run(include ? { include: [include] } : document, {
        runOnly: runOnly as Axe.RunOnly,
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    },
    { include, runOnly },
  );
}

/**
 * axe's colour-contrast results for a part of the page, violations and
 * `incomplete` alike: axe leaves a contrast it cannot compute (a fixed bar
 * over other content, a background it cannot see) as incomplete, and such a
 * text may be unreadable (a 1:1 bar was reported only so). Never a pass.
 */
export async function axeContrastProblems(page: Page, include: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SCRIPT);
  return page.evaluate(async (include) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const results = await axe.run(
      { include: [include] },
      { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations', 'incomplete'] },
    );
    return [
      ...results.violations.map((v) => ['violation', v] as const),
      ...results.incomplete.map((v) => ['incomplete', v] as const),
    ].flatMap(([kind, v]) =>
      v.nodes.map(
        (n) =>
          `axe ${kind} ${v.id}: ${n.target.join(' ')}: ${(n.any[0]?.message ?? n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    );
  }, include);
}
