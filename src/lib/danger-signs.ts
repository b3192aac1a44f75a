// Which warning signs a query names, in the words runners use. The phrases
// are data (content/search-terms.yaml); this is the matching, kept pure so
// every phrase can be tested. A phrase matches when each of its words is in
// the query, in any order, plural or not; a sign with an `unless` word in the
// query does not match ("cold pack" is not a cold leg).

export interface SignPhrases { id: string; phrases: string[]; unless?: string[] }

/** Lowercase words, apostrophes dropped ("can't" is "cant"), "&" kept inside a word ("a&e"). */
export function plainWords(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, '').split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
}

const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** The ids of the signs the words name, in the order the signs were given (most serious first). */
export function matchSigns(words: Iterable<string>, signs: readonly SignPhrases[]): string[] {
  const said = new Set([...words].flatMap(plainWords).map(stem));
  const has = (phrase: string) => plainWords(phrase).map(stem).every((w) => said.has(w));
  return signs
    .filter((s) => s.phrases.some(has) && !(s.unless ?? []).some(has))
    .map((s) => s.id);
}
