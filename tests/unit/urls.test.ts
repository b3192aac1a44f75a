import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteUrl, entryPath, isValidId } from '../../src/lib/urls.ts';
import { severityText } from '../../src/lib/labels.ts';

test('entry paths follow the URL contract', () => {
  assert.equal(entryPath('causes', 'too-much-too-soon'), '/causes/too-much-too-soon/');
  assert.equal(entryPath('faq', 'can-i-run-with-sore-calves'), '/faq/can-i-run-with-sore-calves/');
});

test('ids must be lowercase words joined by hyphens', () => {
  for (const good of ['ice', 'calf-strain-or-tear', 'no-better-after-7-days']) assert.ok(isValidId(good), good);
  for (const bad of ['Ice', 'calf_strain', '-ice', 'ice-', 'a--b', 'a b', '../etc', ''])
    assert.ok(!isValidId(bad), bad);
  assert.throws(() => entryPath('causes', 'Bad Id'), /not a valid page id/);
});

test('absolute URLs use the configured site', () => {
  assert.equal(absoluteUrl('https://clinic.example/', '/faq/'), 'https://clinic.example/faq/');
  assert.equal(absoluteUrl(new URL('https://clinic.example/guide/'), '/faq/#x'), 'https://clinic.example/faq/#x');
});

test('severity reads in order from mild to severe', () => {
  assert.equal(severityText(['severe', 'mild']), 'Mild or severe');
  assert.equal(severityText(['moderate']), 'Moderate');
  assert.equal(severityText(['mild', 'moderate', 'severe']), 'Mild, moderate or severe');
});
