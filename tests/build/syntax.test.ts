// Every script the build emits parses in every supported browser (src/site.ts):
// checked with acorn at the newest ECMAScript edition all of them have, plus
// the features that arrived piecemeal (tests/build/syntax.ts). Pagefind's own
// scripts (dist/pagefind/) are Pagefind's, not built by us: checked too, so a
// Pagefind upgrade that drops a supported browser is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_TARGET } from '../../src/site.ts';
import { editionFor, syntaxProblems } from './syntax.ts';

const dist = path.resolve('dist');
const scripts = (dir: string) =>
  fs
    .readdirSync(path.join(dist, dir))
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));

test('the checker: syntax newer than the targets fails, and the targets decide', () => {
  const safari16 = ['safari16', 'ios16', 'firefox115', 'chrome120'];
  const safari164 = ['safari16.4', 'ios16.4', 'firefox115', 'chrome120'];
  assert.equal(editionFor(safari16), 2023);
  assert.equal(editionFor(['safari13']), 2019);
  // Lookbehind: as a literal, and as the new RegExp() esbuild writes for a target that lacks it.
  assert.match(
    syntaxProblems('export const r = /(?<=ab)s$/;', safari16).join(),
    /lookbehind.* at line 1, column 17: safari16 lacks it/,
  );
  assert.match(syntaxProblems('const r = new RegExp("(?<!a)b");', safari16).join(), /lookbehind.*safari16 lacks it/);
  assert.match(
    syntaxProblems('const r = "ves".replace(RegExp(`(?<=...)(ve)?s$`, ``), ``);', safari16).join(),
    /lookbehind.*safari16 lacks it/,
  );
  assert.deepEqual(syntaxProblems('export const r = /(?<=ab)s$/;', safari164), []);
  // A named group is older than lookbehind, and no problem.
  assert.deepEqual(syntaxProblems('const r = /(?<year>\\d{4})/;', safari16), []);
  assert.match(syntaxProblems('class A { static { A.x = 1; } }', safari16).join(), /static block.*safari16 lacks it/);
  assert.deepEqual(syntaxProblems('class A { static { A.x = 1; } }', safari164), []);
  assert.match(syntaxProblems('const r = /[\\p{L}--[a-z]]/v;', safari16).join(), /newer than ECMAScript 2023/);
  // What the targets have is no problem: optional chaining, logical assignment, private methods, top-level await.
  assert.deepEqual(
    syntaxProblems(
      'let a = {}; a.b ??= a?.c ?? 1_000; class B { #p() {} q() { return #p in this; } } await 0;',
      safari16,
    ),
    [],
  );
  assert.throws(() => syntaxProblems('x', ['netscape4']), /not a browser target/);
});

test(`every script in dist/_astro parses in every supported browser (${BUILD_TARGET.join(', ')})`, () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ has no built site: run `npm run build` first');
  const files = scripts('_astro');
  assert.ok(files.length > 0, 'dist/_astro has no scripts');
  const problems = files.flatMap((f) =>
    syntaxProblems(fs.readFileSync(path.join(dist, f), 'utf8'), BUILD_TARGET).map((p) => `${f}: ${p}`),
  );
  assert.deepEqual(problems, []);
});

test("Pagefind's own scripts in dist/pagefind parse in every supported browser", () => {
  const files = scripts('pagefind');
  assert.ok(files.includes(path.join('pagefind', 'pagefind.js')), 'dist/pagefind/pagefind.js is missing');
  const problems = files.flatMap((f) =>
    syntaxProblems(fs.readFileSync(path.join(dist, f), 'utf8'), BUILD_TARGET).map((p) => `${f}: ${p}`),
  );
  assert.deepEqual(problems, []);
});
