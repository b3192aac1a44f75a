// Printable clinic sheets (content/clinic-sheets.yaml): ready handouts offered
// on /for-clinics/, each a few pages or sections and the signs to watch for.
// Pure: the loaders (npm run check) and the page feed it the file's text and
// what the site publishes; every problem names the file, the line and the fix.
import { z } from 'astro/zod';
import { checkDataFile, type Problem } from './content-checks.ts';
import { entry, id, text } from './content-schema.ts';
import { MAX_PARTS, parsePart, type HandoutRequest } from './handout.ts';

export const CLINIC_SHEETS_FILE = 'content/clinic-sheets.yaml';

export interface ClinicSheet {
  id: string;
  title: string;
  description: string;
  /** Page paths, or a section as `/causes/x/#section`. */
  pages: string[];
  watch: string[];
}

/** Pages the site publishes and their section ids (null: a page with no sections to link). */
export type PublishedPages = ReadonlyMap<string, ReadonlySet<string> | null>;

function pageProblem(raw: string, pages: PublishedPages): string | undefined {
  const part = parsePart(raw);
  if (!part) return `"${raw}" is not a page address: write it as /treatments/ice/ or /treatments/ice/#a-section.`;
  if (!pages.has(part.path))
    return `"${part.path}" is not a page of the guide: check the spelling, or add the page first.`;
  if (part.anchor && !pages.get(part.path)?.has(part.anchor))
    return `"${raw}" names a section that is not on ${part.path}: use one of its headings' ids.`;
  return undefined;
}

function sheetSchema(pages: PublishedPages, signs: ReadonlySet<string> | undefined) {
  const page = z
    .string({ error: 'each page must be an address such as /treatments/ice/.' })
    .refine((p) => !pageProblem(p, pages), { error: (i) => pageProblem(String(i.input), pages) });
  const sign = z
    .string({ error: 'each sign must be an id from content/red-flags.yaml.' })
    .refine((s) => signs?.has(s) ?? true, {
      error: (i) => `"${String(i.input)}" is not an id in content/red-flags.yaml. Check the spelling.`,
    });
  return entry({
    id: id(),
    title: text('title'),
    description: text('description'),
    pages: z
      .array(page, { error: 'pages must be a list of addresses.' })
      .min(1, { error: 'pages must list at least one page.' })
      .max(MAX_PARTS, { error: `pages can list at most ${MAX_PARTS}: that is all a handout holds.` }),
    watch: z
      .array(sign, { error: 'watch must be a list of warning-sign ids.' })
      .min(1, { error: 'watch must list at least one warning sign.' }),
  });
}

/** Reads and checks the sheets against the pages and sign ids the site has (signs unchecked when undefined). */
export function readClinicSheets(
  source: string,
  pages: PublishedPages,
  signs?: ReadonlySet<string>,
  file = CLINIC_SHEETS_FILE,
): { problems: Problem[]; sheets: ClinicSheet[] } {
  const { problems, items } = checkDataFile(file, source, sheetSchema(pages, signs));
  return { problems, sheets: items as unknown as ClinicSheet[] };
}

/** The handout a sheet opens: its pages and signs to watch for, nothing ticked now. */
export function sheetRequest(sheet: ClinicSheet): HandoutRequest {
  return { parts: sheet.pages.map((p) => parsePart(p)!), check: [], watch: sheet.watch };
}
