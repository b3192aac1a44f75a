// The content checker (src/lib/content-checks.ts) parses MDX with the project's own `satteri`; the build parses
// it with the copy Astro's MDX integration resolves. They must be one copy, or an upgrade of either could make
// the checker pass a page the build parses differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The directory of the `satteri` that code in `fromDir` imports, found the way Node resolves a bare import. */
function satteriFrom(fromDir: string): string {
  const entry = createRequire(path.join(fromDir, 'noop.js')).resolve('satteri');
  let dir = path.dirname(entry);
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== 'satteri'
  ) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no satteri package.json above ${entry}`);
    dir = up;
  }
  return fs.realpathSync(dir);
}

const packageDir = (from: string, name: string) => fs.realpathSync(path.join(from, 'node_modules', name));

test("the project's satteri is the copy Astro's MDX pipeline uses", () => {
  const ours = satteriFrom(path.join(root, 'src', 'lib'));
  const mdx = packageDir(root, '@astrojs/mdx');
  // @astrojs/mdx compiles through @astrojs/markdown-satteri, which imports satteri: resolve from there.
  const markdown = satteriFrom(
    fs.realpathSync(path.join(createRequire(path.join(mdx, 'noop.js')).resolve('@astrojs/markdown-satteri'), '..')),
  );
  assert.equal(markdown, ours, `Astro's MDX uses ${markdown}, the checker ${ours}`);
});

test("package.json's satteri range admits the version Astro's MDX pipeline asks for", () => {
  const version = JSON.parse(fs.readFileSync(path.join(satteriFrom(root), 'package.json'), 'utf8')).version as string;
  const wanted = JSON.parse(
    fs.readFileSync(path.join(packageDir(root, '@astrojs/markdown-satteri'), 'package.json'), 'utf8'),
  ).dependencies.satteri as string;
  const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.satteri as string;
  // Both are caret ranges on 0.x: the same minor is the same compatible line.
  const minor = (range: string) => /^\^?(0\.\d+)\./.exec(range)?.[1];
  assert.ok(
    minor(wanted),
    `@astrojs/markdown-satteri asks for satteri ${wanted}, not a ^0.x range this test understands`,
  );
  assert.equal(minor(ours), minor(wanted), `package.json pins satteri ${ours}, Astro's MDX asks for ${wanted}`);
  assert.equal(minor(version), minor(wanted), `installed satteri ${version}`);
});
