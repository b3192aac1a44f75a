// The search page's script and what it imports must parse in every browser the
// site supports, Safari 15 included: no regular-expression lookbehind (Safari
// 16.4) and no built-ins newer than Safari 15.0. A script that fails to parse
// leaves search dead with no message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ENTRY = 'src/scripts/search-page.ts';
const NEWER_THAN_SAFARI_15 = [
  [/\(\?<[=!]/, 'a lookbehind in a regular expression (Safari 16.4)'],
  [/\.at\(/, 'Array/String .at() (Safari 15.4)'],
  [/\.findLast(Index)?\(/, '.findLast() (Safari 15.4)'],
  [/Object\.hasOwn\(/, 'Object.hasOwn (Safari 15.4)'],
  [/structuredClone\(/, 'structuredClone (Safari 15.4)'],
  [/\.toSorted\(|\.toReversed\(|\.toSpliced\(|\.with\(/, 'change-array-by-copy methods (Safari 16)'],
  [/\/[a-z]*v[a-z]*\.test\(|new RegExp\([^)]*'[a-z]*v[a-z]*'\)/, 'the RegExp v flag (Safari 17)'],
] as const;

/** The entry and every local module it imports, followed through relative imports. */
function browserModules(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = fs.readFileSync(entry, 'utf8');
  for (const [, spec] of source.matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm)) {
    if (
      !spec!.startsWith('.') ||
      (source.includes(`import type`) && new RegExp(`import type [^;]*'${spec}'`).test(source))
    )
      continue;
    browserModules(path.join(path.dirname(entry), spec!), seen);
  }
  return seen;
}

test('the search page script uses no syntax or built-in newer than Safari 15', () => {
  const files = [...browserModules(ENTRY)];
  assert.ok(
    files.includes('src/lib/search.ts') && files.includes('src/lib/spelling.ts'),
    `followed the imports: ${files.join(', ')}`,
  );
  const found = files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        NEWER_THAN_SAFARI_15.filter(([re]) => re.test(line.replace(/\/\/.*$/, ''))).map(
          ([, what]) => `${file}:${i + 1}: ${what}`,
        ),
      ),
  );
  assert.deepEqual(found, []);
});
