// The clinic sheets of content/clinic-sheets.yaml, read once per build and
// checked against the pages /links.json lists (what a handout accepts) and
// the warning signs. `npm run check` has already checked the file
// (src/content-loaders.ts); this read fails the build the same way.
import fs from 'node:fs';
import { formatProblems } from '../lib/content-checks.ts';
import { CLINIC_SHEETS_FILE, readClinicSheets, type ClinicSheet } from '../lib/clinic-sheets.ts';
import { getRedFlags } from './guide.ts';
import { getLinkablePages } from './links.ts';

let sheets: Promise<ClinicSheet[]> | undefined;

async function read(): Promise<ClinicSheet[]> {
  const [pages, flags] = await Promise.all([getLinkablePages(), getRedFlags()]);
  const published = new Map(pages.map((p) => [p.url, new Set(p.anchors.map((a) => a.id))]));
  const result = readClinicSheets(
    fs.readFileSync(CLINIC_SHEETS_FILE, 'utf8'),
    published,
    new Set(flags.map((f) => f.id)),
  );
  if (result.problems.length) throw new Error(formatProblems(result.problems));
  return result.sheets;
}

export function getClinicSheets(): Promise<ClinicSheet[]> {
  return (sheets ??= read());
}
