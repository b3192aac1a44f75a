// Corrects a query word the guide lacks to the nearest word it holds, using
// the vocabulary built from the index (src/lib/search-vocabulary.ts). A real
// English word the guide lacks is named, never "corrected" to a guide word it
// happens to look like ("hiking" is not "having"): the build lists the ones
// that would be (src/lib/search-words.ts), from content/english-words.txt.
import { MIN_WORD_LENGTH, type Vocabulary } from './search-vocabulary.ts';
import { forms } from './search-tokens.ts';

/** Edits allowed for a word of this length: none below 4 letters, one up to 5, two from 6. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length <= 5 ? 1 : 2;
}

/** Optimal string alignment distance (a swap of two letters is one edit); max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? prev2[j - 2]! + 1 : max + 1,
      );
    }
    if (Math.min(...row) > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The word, or its plural or singular, as the guide holds it. */
const held = (word: string, vocabulary: Vocabulary) => forms(word).find((f) => vocabulary.has(f));

/**
 * The nearest guide word within `max` edits: fewest edits, then the commonest.
 * It must begin with the same letter (or swap the first two): typos rarely
 * change the first letter.
 */
function nearest(word: string, vocabulary: Vocabulary, max: number): string | undefined {
  let best: string | undefined;
  // The vocabulary is commonest first, so after a match only a nearer word wins.
  for (const w of vocabulary.keys()) {
    const d = w[0] === word[0] || (w[0] === word[1] && w[1] === word[0]) ? editDistance(word, w, max) : max + 1;
    if (d <= max) [best, max] = [w, d - 1];
  }
  return best;
}

/** Two guide words the typed word joins ("heeldrop" is "heel drop"), the commoner pair first. */
function split(word: string, vocabulary: Vocabulary): string | undefined {
  let best: string | undefined;
  let rank = Infinity;
  for (let i = MIN_WORD_LENGTH; i <= word.length - MIN_WORD_LENGTH; i++) {
    const a = held(word.slice(0, i), vocabulary);
    const b = held(word.slice(i), vocabulary);
    const r = a && b ? Math.max(vocabulary.get(a)!, vocabulary.get(b)!) : Infinity;
    if (r < rank) [best, rank] = [`${a} ${b}`, r];
  }
  return best;
}

export interface CorrectOptions {
  /** The last word while it is still being typed: the start of a guide word counts as known. */
  partial?: boolean;
  /** Real English words the guide lacks that look like guide words: named, never corrected. */
  real?: ReadonlySet<string>;
}

/**
 * What to search for one lowercase query word: the word itself when the
 * guide holds it (or it is too short or not letters to judge), the guide's
 * word or two words when it is a misspelling, '' when no page mentions it.
 */
export function correctWord(word: string, vocabulary: Vocabulary, { partial, real }: CorrectOptions = {}): string {
  if (word.length < MIN_WORD_LENGTH || /\P{L}/u.test(word) || vocabulary.has(word)) return word;
  if (partial) for (const w of vocabulary.keys()) if (w.startsWith(word)) return word;
  const max = real?.has(word) ? 0 : allowedEdits(word);
  return (
    held(word, vocabulary) ??
    (max > 0
      ? (nearest(word, vocabulary, 1) ?? split(word, vocabulary) ?? nearest(word, vocabulary, max))
      : undefined) ??
    ''
  );
}
