// Every built page is valid HTML (html-validate, settings in .htmlvalidate.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { readPages } from '../../scripts/lib/built-site.ts';

test('every built page passes html-validate with no errors', async (t) => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const pages = readPages();
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.file);
    for (const m of report.results.flatMap((r) => r.messages)) {
      const line = `${page.url} ${m.line}:${m.column} [${m.ruleId}] ${m.message} (${m.selector ?? ''})`;
      if (m.severity === 2) errors.push(line);
      else t.diagnostic(`warning: ${line}`);
    }
  }
  t.diagnostic(`${pages.length} pages validated`);
  assert.deepEqual(errors, []);
});
