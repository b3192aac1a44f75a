// Flesch reading ease for the guide's own pages. Uses wooorm's `flesch`
// formula and `syllable` counter rather than hand-rolled heuristics.
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { splitFrontmatter } from './frontmatter.ts';

/** Markdown/MDX body to plain prose: one sentence per heading, list item or paragraph end. */
export function toPlainText(markdown: string): string {
  return (
    splitFrontmatter(markdown)
      .body.replace(/^\s*(import|export)\s.*$/gm, '') // MDX statements
      .replace(/<[^>]+>/g, ' ') // tags and components
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links keep their words
      .replace(/`([^`]*)`/g, '$1')
      .replace(/[*_~]+/g, '')
      .split('\n')
      .map((line) => line.replace(/^\s*(#{1,6}|[-*+]|\d+[.)]|>)\s*/, '').trim())
      .filter(Boolean)
      // A line that does not end a sentence (heading, list item) still ends one.
      .map((line) => (/[.!?:]$/.test(line) ? line : `${line}.`))
      .join(' ')
  );
}

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  score: number;
}

/** Flesch reading ease of plain text: 60 or more reads plainly, below 50 is hard. */
export function readingEase(text: string): Readability {
  const sentences = Math.max(1, (text.match(/[^.!?:]+[.!?:]+/g) ?? [text]).length);
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const syllables = words.reduce((n, w) => n + (/^\d/.test(w) ? 1 : syllable(w)), 0);
  const score = words.length ? flesch({ sentence: sentences, word: words.length, syllable: syllables }) : 0;
  return { sentences, words: words.length, syllables, score: Math.round(score * 10) / 10 };
}
