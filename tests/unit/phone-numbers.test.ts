import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneParts } from '../../src/lib/phone-numbers.ts';

test('every number the guide gives becomes its own part, in order, with the words around it kept', () => {
  assert.deepEqual(phoneParts('Call an ambulance (999, 112 or 911) now'), [
    { text: 'Call an ambulance (' },
    { tel: '999' },
    { text: ', ' },
    { tel: '112' },
    { text: ' or ' },
    { tel: '911' },
    { text: ') now' },
  ]);
  assert.deepEqual(phoneParts('call a health phone line (NHS 111 in the UK).'), [
    { text: 'call a health phone line (NHS ' },
    { tel: '111' },
    { text: ' in the UK).' },
  ]);
});

test('other numbers, and numbers inside longer ones, stay text', () => {
  assert.deepEqual(phoneParts('no better after 7 to 10 days'), [{ text: 'no better after 7 to 10 days' }]);
  assert.deepEqual(phoneParts('ref 19990 or 1112'), [{ text: 'ref 19990 or 1112' }]);
  assert.deepEqual(phoneParts(''), []);
});

test('callSentence: the first sentence with a number to call, unless the heading gives one', async () => {
  const { callSentence } = await import('../../src/lib/phone-numbers.ts');
  assert.equal(callSentence('Call an ambulance (999, 112 or 911) now', ['Call 999.']), undefined);
  assert.equal(
    callSentence('Go to A&E now', [
      'Go to A&E now (outside the UK, an emergency department). If you cannot get there, call 999, 112 or 911.',
      'Do not drive.',
    ]),
    'If you cannot get there, call 999, 112 or 911.',
  );
  assert.equal(
    callSentence('Get help today', [undefined, 'Book in. Call NHS 111 in the UK, or a doctor.']),
    'Call NHS 111 in the UK, or a doctor.',
  );
  assert.equal(callSentence('Book an appointment', ['Book in the next few days.', undefined]), undefined);
});
