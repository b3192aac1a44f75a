// Emergency and health-line numbers in the guide's words, as tap-to-call links.

/** The numbers the guide gives: emergency (UK, Europe, North America) and NHS 111. */
export const PHONE_NUMBERS = ['999', '112', '911', '111'] as const;

const NUMBER = new RegExp(`\\b(${PHONE_NUMBERS.join('|')})\\b`);

export type TextPart = { text: string } | { tel: string };

/** Splits text into plain runs and phone numbers, in order, so each number can be a tel: link. */
export function phoneParts(text: string): TextPart[] {
  return text.split(NUMBER).filter(Boolean).map((part) => (NUMBER.test(part) ? { tel: part } : { text: part }));
}
