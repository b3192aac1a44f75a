// The one frontmatter splitter: the content check, the brief's rules, the
// readability score and the scripts' reader (scripts/lib/content-data.ts) all
// cut a file at the same "---" lines.

/** Splits `---` frontmatter from the body; lines are 1-based in the whole file. */
export function splitFrontmatter(source: string): {
  frontmatter?: string;
  frontmatterLine: number;
  body: string;
  bodyLine: number;
} {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return { frontmatterLine: 1, body: source, bodyLine: 1 };
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { frontmatter: m[1], frontmatterLine: 2, body: source.slice(m[0].length), bodyLine };
}
