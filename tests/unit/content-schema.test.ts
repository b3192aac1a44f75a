// Breaks a copy of the content in small ways and checks that `astro sync`
// (the content step of every build) fails with the file and field named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
let dir = '';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-schema-'));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json']) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  for (const d of ['src', 'content', 'public']) fs.cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function sync() {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

/** Applies `edit` to one content file, syncs, then puts the file back. */
function withEdit(file: string, edit: (text: string) => string) {
  const p = path.join(dir, file);
  const original = fs.readFileSync(p, 'utf8');
  const changed = edit(original);
  assert.notEqual(changed, original, `the edit did not change ${file}`);
  fs.writeFileSync(p, changed);
  try {
    return sync();
  } finally {
    fs.writeFileSync(p, original);
  }
}

const firstFile = (collection: string) =>
  `content/${collection}/${fs.readdirSync(path.join(root, 'content', collection)).filter((f) => f.endsWith('.mdx')).sort()[0]}`;

test('the real content passes the schema', () => {
  const r = sync();
  assert.ok(r.ok, r.out);
});

test('a missing required field names the file and the field', () => {
  const file = firstFile('causes');
  const r = withEdit(file, (t) => t.replace(/^summary:.*\n/m, ''));
  assert.ok(!r.ok);
  assert.match(r.out, new RegExp(file.replace(/[.]/g, '\\.')));
  assert.match(r.out, /summary: summary is missing/);
});

test('a misspelt field is named', () => {
  const file = firstFile('treatments');
  const r = withEdit(file, (t) => t.replace(/^title:/m, 'titel:'));
  assert.ok(!r.ok);
  assert.match(r.out, new RegExp(file.replace(/[.]/g, '\\.')));
  assert.match(r.out, /unknown field "titel"/);
  assert.match(r.out, /title: title is missing/);
});

test('a reference to an entry that does not exist is named', () => {
  const file = firstFile('faq');
  const r = withEdit(file, (t) => t.replace(/^sources: \[/m, 'sources: [no-such-source, '));
  assert.ok(!r.ok);
  assert.match(r.out, new RegExp(file.replace(/[.]/g, '\\.')));
  assert.match(r.out, /sources\.0: "no-such-source" is not an entry in content\/sources\.yaml/);
});

test('a broken cause -> treatment reference is named', () => {
  const file = firstFile('causes');
  const r = withEdit(file, (t) => t.replace(/^treatments: \[/m, 'treatments: [ice-baths-forever, '));
  assert.ok(!r.ok);
  assert.match(r.out, /treatments\.0: "ice-baths-forever" is not an entry in content\/treatments\//);
});

test('an unknown red-flag tier is named', () => {
  const r = withEdit('content/red-flags.yaml', (t) => t.replace('tier: emergency', 'tier: whenever'));
  assert.ok(!r.ok);
  assert.match(r.out, /content\/red-flags\.yaml/);
  assert.match(r.out, /tier: tier must be one of: emergency, urgent, soon, self-care \(got "whenever"\)/);
});

test('a date that is not a date is named', () => {
  const file = firstFile('treatments');
  const r = withEdit(file, (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: last spring'));
  assert.ok(!r.ok);
  assert.match(r.out, /lastReviewed: lastReviewed must be a date written as YYYY-MM-DD/);
});

test('a next review before the last review is named', () => {
  const file = firstFile('faq');
  const r = withEdit(file, (t) => t.replace(/^nextReview:.*$/m, 'nextReview: 2020-01-01'));
  assert.ok(!r.ok);
  assert.match(r.out, /nextReview: nextReview must be after lastReviewed/);
});
