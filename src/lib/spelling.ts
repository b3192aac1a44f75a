// Corrects a query word the guide lacks to the nearest word it holds, using
// the vocabulary built from the index (src/lib/search-vocabulary.ts). With no
// dictionary of English at hand, a word that is near no guide word is taken
// for a real word the guide does not use, and named, never guessed at.
import { MIN_WORD_LENGTH, type Vocabulary } from './search-vocabulary.ts';

export type Correction =
  | { kind: 'known' }
  /** `to` is one guide word, or two when a typed word joined them ("shinsplints"). */
  | { kind: 'corrected'; to: string }
  | { kind: 'unknown' };

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
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Other forms of a word that mean the same: plural and singular. */
function forms(word: string): string[] {
  const out = [`${word}s`, `${word}es`];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('y')) out.push(`${word.slice(0, -1)}ies`);
  return out;
}

/**
 * The nearest guide word within `max` edits: fewest edits, then the commonest.
 * It must begin with the same letter (or swap the first two): typos rarely
 * change the first letter, and real words the guide lacks often differ there
 * ("killing" is not "rolling").
 */
function nearest(word: string, vocabulary: Vocabulary, max: number): string | undefined {
  let best: { w: string; d: number; key: number } | undefined;
  for (const [w, rank] of vocabulary) {
    if (Math.abs(w.length - word.length) > max) continue;
    const d = editDistance(word, w, best ? Math.min(max, best.d) : max);
    if (d > max || (w[0] !== word[0] && !(w[0] === word[1] && w[1] === word[0]))) continue;
    const key = d * 1e9 + rank;
    if (!best || key < best.key) best = { w, d, key };
  }
  return best?.w;
}

/** The word, or its plural or singular, as the guide holds it. */
const held = (word: string, vocabulary: Vocabulary) => [word, ...forms(word)].find((f) => vocabulary.has(f));

/** Two guide words the typed word joins ("heeldrop" is "heel drop"), the commoner pair first. */
function split(word: string, vocabulary: Vocabulary): string | undefined {
  let best: { to: string; rank: number } | undefined;
  for (let i = MIN_WORD_LENGTH; i <= word.length - MIN_WORD_LENGTH; i++) {
    const a = held(word.slice(0, i), vocabulary);
    const b = held(word.slice(i), vocabulary);
    if (!a || !b) continue;
    const rank = Math.max(vocabulary.get(a)!, vocabulary.get(b)!);
    if (!best || rank < best.rank) best = { to: `${a} ${b}`, rank };
  }
  return best?.to;
}

/**
 * What to search for one lowercase query word. `partial` is for the last word
 * while it is still being typed: the start of a guide word counts as known.
 */
export function correctWord(word: string, vocabulary: Vocabulary, partial = false): Correction {
  if (word.length < MIN_WORD_LENGTH || /\P{L}/u.test(word) || vocabulary.has(word)) return { kind: 'known' };
  if (partial) for (const w of vocabulary.keys()) if (w.startsWith(word)) return { kind: 'known' };
  const form = held(word, vocabulary);
  if (form) return { kind: 'corrected', to: form };
  const max = allowedEdits(word);
  const near = max > 0 ? nearest(word, vocabulary, 1) : undefined;
  const to = near ?? split(word, vocabulary) ?? (max > 1 ? nearest(word, vocabulary, max) : undefined);
  return to ? { kind: 'corrected', to } : { kind: 'unknown' };
}
