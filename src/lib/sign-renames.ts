// Warning-sign ids are published: clinic links and printed QR codes carry
// /red-flags/#check=<id> and /handout/#...&check=<id>. A sign that is renamed
// keeps its old id working through this map (old id: new id), which the
// checklist and the handout read. Never remove an entry.
// tests/published-sign-ids.json lists every id ever published; the content
// check (npm run check) fails when one is neither a sign nor renamed here.
export const SIGN_RENAMES: Readonly<Record<string, string>> = {};

/** The id a published id now goes by (following renames of renames); itself when never renamed. */
export function currentSignId(id: string, renames: Readonly<Record<string, string>> = SIGN_RENAMES): string {
  const seen = new Set<string>();
  while (Object.hasOwn(renames, id) && !seen.has(id)) {
    seen.add(id);
    id = renames[id]!;
  }
  return id;
}

/** Why each published id no longer opens a sign, in plain words; empty when every one does. */
export function lostSignIds(
  published: readonly string[],
  signs: ReadonlySet<string>,
  renames: Readonly<Record<string, string>> = SIGN_RENAMES,
): string[] {
  const problems: string[] = [];
  for (const id of published) {
    const now = currentSignId(id, renames);
    if (signs.has(now)) continue;
    problems.push(
      now === id
        ? `the warning sign "${id}" has been published (clinic links and printed QR codes open /red-flags/#check=${id}) and is no longer in this file: every such link would now open with nothing ticked. Put the id back (change the sign's wording, never its id), or, if the sign was renamed, add "${id}": "<new id>" to SIGN_RENAMES in src/lib/sign-renames.ts.`
        : `the published warning sign "${id}" is renamed to "${now}" in src/lib/sign-renames.ts, which is not a sign in this file: point the rename at a sign that exists.`,
    );
  }
  return problems;
}
