import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import quietLogger from '../../src/integrations/quiet-logger.ts';

/** What the logger writes to stdout for these events. */
function written(
  events: { level: 'info' | 'warn'; label: string | null; message: string; newLine: boolean }[],
): string {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    const logger = quietLogger();
    for (const e of events) logger.write(e as Parameters<typeof logger.write>[0]);
  } finally {
    process.stdout.write = write;
  }
  // Colours are on where the terminal (or CI) asks for them: read the words.
  return stripVTControlCharacters(out.join(''));
}

test('the build log drops the line per built file and keeps warnings and every other line', () => {
  const out = written([
    { level: 'info', label: 'SKIP_FORMAT', message: ' generating static routes ', newLine: true },
    { level: 'info', label: null, message: '  \u251C\u2500 /faq/index.html', newLine: false },
    { level: 'info', label: 'SKIP_FORMAT', message: ' (+8ms) ', newLine: true },
    { level: 'warn', label: 'site-url-warning', message: 'SITE_URL is not set', newLine: true },
    { level: 'info', label: null, message: '  \u251C\u2500 /index.html', newLine: false },
    { level: 'info', label: 'SKIP_FORMAT', message: ' (+2ms) ', newLine: true },
    { level: 'info', label: 'build', message: 'Complete!', newLine: true },
  ]);
  assert.doesNotMatch(out, /index\.html|ms\)/);
  assert.match(out, /generating static routes/);
  assert.match(out, /\[WARN\] \[site-url-warning\] SITE_URL is not set/);
  assert.match(out, /\[build\] Complete!/);
});
