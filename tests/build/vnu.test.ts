// Every built page passes the W3C Nu Html Checker (vnu-jar), beside
// html-validate: the two catch different mistakes (vnu reads a page as a
// browser's parser does, e.g. a script after </html>). One JVM for all pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir, htmlFiles } from '../../scripts/lib/built-site.ts';

const VNU = createRequire(import.meta.url)('vnu-jar') as string;
const hasJava = spawnSync('java', ['-version']).status === 0;
const skip = hasJava
  ? false
  : 'java is not installed (apt-get install default-jre-headless): the W3C Nu Html Checker is skipped';

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

test('every built page passes the W3C Nu Html Checker with no errors', { skip }, (t) => {
  const files = htmlFiles();
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--errors-only', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(
    run.stderr.trim().startsWith('{'),
    `vnu did not answer in JSON (exit ${run.status}): ${run.stderr.slice(0, 500)}`,
  );
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  const dist = distDir();
  const errors = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      const file = m.url ? path.relative(dist, new URL(m.url).pathname) : '(vnu)';
      return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? ` near ${JSON.stringify(m.extract.trim())}` : ''}`;
    });
  t.diagnostic(`${files.length} pages checked`);
  assert.deepEqual(errors, []);
});
