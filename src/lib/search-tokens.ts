// The one tokenizer and the one plural rule of search: the query, the
// vocabulary built from the pages, the warning-sign phrases, the synonyms and
// the title matching all split text into words and compare plurals here, so a
// word means the same everywhere.

/**
 * The words of a text as search sees them: lowercase, apostrophes dropped
 * ("can't" is "cant"), split at anything but a letter, a digit or an "&"
 * inside a word ("a&e", "5k" stay whole; "calf-raises" is two words).
 */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[\p{L}\p{N}]+(&[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/**
 * The singular of a plural word, by rule ("calves" is "calf", "injuries"
 * "injury", "stretches" "stretch", "shoes" "shoe"); any other word is itself.
 * Short words and "-ss", "-us", "-is" endings are left alone ("stress", "soleus").
 */
export const singular = (word: string) =>
  word.length < 4 || /(ss|us|is)$/.test(word)
    ? word
    : word
        .replace(/([^aeiou])ies$/, '$1y')
        .replace(/lves$/, 'lf')
        .replace(/(ch|sh|x|z)es$/, '$1')
        .replace(/s$/, '');

/** The word with its singular and its plurals: the forms that mean the same word. */
export function forms(word: string): string[] {
  const one = singular(word);
  return [
    ...new Set([word, one, `${one}s`, `${one}es`, one.replace(/([^aeiou])y$/, '$1ies'), one.replace(/lf$/, 'lves')]),
  ];
}
