// One real `astro sync` (the content step of `astro check` and `astro build`)
// on a copy of the project: after a good sync has filled Astro's cache, three
// mistakes must fail the next sync with files and lines named, and the
// cache must not hide the broken data file. The mistakes themselves are
// covered in-process by tests/unit/content-schema.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
let dir = '';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-sync-'));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json'])
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  // scripts/lib: the build's last gate (src/integrations/site-gate.ts) shares its checks with the build tests.
  for (const d of ['src', 'content', 'public', 'scripts'])
    fs.cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function sync() {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const edit = (file: string, change: (t: string) => string) => {
  const p = path.join(dir, file);
  const before = fs.readFileSync(p, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the edit changed nothing in ${file}`);
  fs.writeFileSync(p, after);
};

test('astro sync fails on broken content even after a good sync, naming files and lines', () => {
  const good = sync();
  assert.equal(good.status, 0, good.out);

  const faq = fs
    .readdirSync(path.join(dir, 'content/faq'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()[0];
  edit(`content/faq/${faq}`, (t) => `${t.trimEnd()}\n\nSome <strong>bold text.\n`);
  edit('content/red-flag-tiers.yaml', (t) => t.replace(/^ {2}heading: (.*)$/m, '  heading: "$1'));
  const [first, second] = [
    ...fs.readFileSync(path.join(dir, 'content/red-flags.yaml'), 'utf8').matchAll(/^- id: (.+)$/gm),
  ].map((m) => m[1]);
  edit('content/red-flags.yaml', (t) => t.replace(`- id: ${second}\n`, `- id: ${first}\n`));

  const broken = sync();
  assert.notEqual(broken.status, 0, 'sync passed on broken content');
  assert.match(
    broken.out,
    new RegExp(`content/faq/${faq.replace('.', '\\.')} \\(line \\d+\\): the text cannot be read as MDX`),
  );
  assert.match(broken.out, /content\/red-flag-tiers\.yaml \(line \d+\): the YAML cannot be read/);
  assert.match(broken.out, new RegExp(`content/red-flags\\.yaml \\(line \\d+\\): the id "${first}" is used twice`));
  assert.doesNotMatch(broken.out, /\*\*|:0:0/, 'messages are plain text without markup or empty locations');
});
