// Emergency and health-line numbers in the guide's words, as tap-to-call links.

/** The numbers the guide gives: emergency (UK, Europe, North America) and NHS 111. */
export const PHONE_NUMBERS = ['999', '112', '911', '111'] as const;

const NUMBER = new RegExp(`\\b(${PHONE_NUMBERS.join('|')})\\b`);

export type TextPart = { text: string } | { tel: string };

/** Splits text into plain runs and phone numbers, in order, so each number can be a tel: link. */
export function phoneParts(text: string): TextPart[] {
  return text
    .split(NUMBER)
    .filter(Boolean)
    .map((part) => (NUMBER.test(part) ? { tel: part } : { text: part }));
}

const SENTENCE = new RegExp(`[^.!?]*?${NUMBER.source}[^.!?]*[.!?]?`);

/** True when the text gives a number to call. */
export const hasPhoneNumber = (text: string): boolean => NUMBER.test(text);

/**
 * The sentence that gives a number to call, for a short answer that must keep
 * its tap-to-call link (the checklist's result bar): none when the heading
 * already gives one, else the first sentence of the texts that does.
 */
export function callSentence(heading: string, texts: readonly (string | undefined)[]): string | undefined {
  if (hasPhoneNumber(heading)) return undefined;
  for (const text of texts) {
    const found = text?.match(SENTENCE)?.[0];
    if (found) return found.trim();
  }
  return undefined;
}
