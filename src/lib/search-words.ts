// Builds what the search page fetches besides the index (dist/search-words.json),
// at build time, so the page's script does only what needs the query: the
// guide's vocabulary without filler, the synonyms the guide can use, the
// warning-sign phrases, and the real English words the guide lacks that look
// like guide words (content/english-words.txt), which are named, never corrected.
import {
  buildVocabulary,
  MIN_WORD_LENGTH,
  parseVocabulary,
  wordCounts,
  type SearchWords,
  type Vocabulary,
} from './search-vocabulary.ts';
import type { SearchTerms } from './search-terms.ts';
import { correctWord } from './spelling.ts';
import { forms, singular, words } from './search-tokens.ts';

export const ENGLISH_WORDS_FILE = 'content/english-words.txt';

/** The words of content/english-words.txt: one or more a line, "#" starts a comment. */
export function parseEnglishWords(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').trim().toLowerCase().split(/\s+/))
    .filter(Boolean);
}

/**
 * Whether Pagefind, which matches a word's stem and every longer word that
 * starts with it, would also find a different guide word for this one: "ache"
 * and "achy" (stem "ach") find "Achilles", so a story about achy calves ranks
 * the Achilles pages. The stem is taken as the word without its ending; a
 * longer word that starts with the whole word is the same family ("stiffness").
 */
export function stretchesToOther(word: string, vocabulary: Vocabulary): boolean {
  const stem = word.replace(/(ing|ed|es|s|e|y)$/, '');
  if (stem.length < MIN_WORD_LENGTH) return false;
  for (const other of vocabulary.keys())
    if (other.startsWith(stem) && !other.startsWith(word) && !sameWord(word, other) && !sameWord(other, word))
      return true;
  return false;
}

/**
 * Synonyms the guide can use: every guide word in the vocabulary (a swap to
 * words no page holds would find nothing), and a one-word typed form only
 * when the guide lacks it, holds it on one page alone (the guide's own word
 * searches as typed; "sprained" on one page about ankles must not hide the
 * strain pages), or Pagefind would stretch it onto another word ("achy").
 */
export function usableSynonyms(
  synonyms: readonly (readonly [string, string])[],
  vocabulary: Vocabulary,
  pagesWith?: ReadonlyMap<string, number>,
): [string, string][] {
  return synonyms
    .map(([typed, guide]) => [words(typed).join(' '), words(guide).join(' ')] as [string, string])
    .filter(
      ([typed, guide]) =>
        guide.split(' ').every((g) => vocabulary.has(g)) &&
        (typed.includes(' ') ||
          !vocabulary.has(typed) ||
          (pagesWith?.get(typed) ?? Infinity) <= 1 ||
          stretchesToOther(typed, vocabulary)),
    );
}

/** A UK or US spelling in one form, to compare the two ("colour", "color"). */
const spelling = (w: string) =>
  w
    .replace(/our/g, 'or')
    .replace(/is(e|ed|es|ing|ation)$/, 'iz$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/ae|oe/g, 'e')
    .replace(/ll/g, 'l')
    .replace(/tre$/, 'ter');
/** A word without one ending, plural or verb: "stretched" and "stretches" are one word, "injured" and "injuries". */
const stem = (w: string) => (singular(w) !== w ? singular(w).replace(/y$/, '') : w.replace(/(ing|ed|er|y)$/, ''));

/** Whether a correction is the same word in another form or spelling, not a different word. */
export function sameWord(word: string, to: string): boolean {
  return forms(word).includes(to) || stem(word) === stem(to) || spelling(word) === spelling(to);
}

/** The real words the guide lacks that spelling correction would turn into a different guide word (filler never gets that far). */
export function realWordsNear(
  english: Iterable<string>,
  vocabulary: Vocabulary,
  filler: readonly string[] = [],
): string[] {
  return [...new Set(english)].filter((w) => {
    if (filler.includes(w)) return false;
    const to = correctWord(w, vocabulary);
    return to !== '' && to !== w && !sameWord(w, to);
  });
}

/** dist/search-words.json from the indexed pages' text, content/search-terms.yaml and the English words. */
export function buildSearchWords(
  pages: Iterable<string>,
  terms: SearchTerms,
  english: Iterable<string> = [],
): SearchWords {
  const texts = [...pages];
  const counts = wordCounts(texts, terms.filler);
  const words = buildVocabulary(texts, terms.filler, undefined, counts);
  const vocabulary = parseVocabulary(words);
  return {
    words,
    ...terms,
    synonyms: usableSynonyms(terms.synonyms, vocabulary, counts.pagesWith),
    real: realWordsNear(english, vocabulary, terms.filler).join(' '),
  };
}
