import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phaseText } from '../../src/lib/labels.ts';

test("phases read as one sentence-case phrase, in the phases' order", () => {
  assert.equal(phaseText(['prevention', 'recovery']), 'While you recover and to stop it coming back');
  assert.equal(phaseText(['now', 'recovery', 'prevention']), 'Right now, while you recover and to stop it coming back');
  assert.equal(phaseText(['prevention']), 'To stop it coming back');
});
