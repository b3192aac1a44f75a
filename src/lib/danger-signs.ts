// Which warning signs a query names, in the words runners use. The phrases
// are data (content/search-terms.yaml); this is the matching, kept pure so
// every phrase can be tested. A phrase matches when each of its words is in
// the query, in any order, plural or not; a sign with an `unless` word in the
// query does not match ("cold pack" is not a cold leg).

import { singular, words } from './search-tokens.ts';

/** A sign's (or a pinned page's) phrases, each as phraseWords gives it. */
export interface SignPhrases {
  id: string;
  phrases: string[];
  unless?: string[];
}

/**
 * A phrase as matching reads it: its words, singular, one space apart. Done
 * once when the terms are read (src/lib/search-terms.ts), not on every query.
 */
export const phraseWords = (phrase: string) => words(phrase).map(singular).join(' ');

/** The ids of the signs the words name, in the order the signs were given (most serious first). */
export function matchSigns(typed: Iterable<string>, signs: readonly SignPhrases[]): string[] {
  const said = new Set([...typed].flatMap(words).map(singular));
  const has = (phrase: string) => phrase.split(' ').every((w) => said.has(w));
  return signs.filter((s) => s.phrases.some(has) && !(s.unless ?? []).some(has)).map((s) => s.id);
}
