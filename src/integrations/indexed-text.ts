// The text Pagefind indexes from a built page: everything inside the
// data-pagefind-body element (hidden keywords too), minus what is marked
// data-pagefind-ignore, scripts and styles.
import { Parser } from 'htmlparser2';

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The first start tag that carries data-pagefind-body: nothing before it is indexed. */
const BODY_TAG = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i;

export function indexedText(html: string): string {
  const start = html.search(BODY_TAG);
  if (start === -1) return '';
  const out: string[] = [];
  let depth = 0; // inside the body element: how deep
  let skip = 0; // inside an ignored element: how deep
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (VOID.has(name)) return;
        if (depth === 0 && 'data-pagefind-body' in attrs) depth = 1;
        else if (depth > 0) depth++;
        if (skip > 0) skip++;
        else if (depth > 0 && ('data-pagefind-ignore' in attrs || name === 'script' || name === 'style')) skip = 1;
        out.push(' ');
      },
      ontext(text) {
        if (depth > 0 && skip === 0) out.push(text);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (skip > 0) skip--;
        if (depth > 0) depth--;
        out.push(' ');
      },
    },
    { decodeEntities: true },
  );
  // The header, navigation and printed QR code before the body are skipped unparsed.
  parser.end(html.slice(start));
  return out.join('');
}
