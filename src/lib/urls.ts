// The URL contract: every path the site publishes is built here.

export const COLLECTIONS = ['causes', 'treatments', 'faq'] as const;
export type EntryCollection = (typeof COLLECTIONS)[number];

/** An id: lowercase words joined by hyphens. The one definition of the URL contract's ids. */
export const ID_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ID = new RegExp(`^${ID_PATTERN}$`);
/** A site path like /causes/calf-strain-or-tear/: ids and slashes only, so no host, scheme, ".." or escape. */
export const PAGE_PATH = new RegExp(`^/(?:${ID_PATTERN}/)*$`);

/** True when an id is lowercase words joined by hyphens, as the URL contract needs. */
export function isValidId(id: string): boolean {
  return ID.test(id);
}

/** `/causes/`, `/treatments/`, `/faq/`. */
export function collectionPath(collection: EntryCollection): string {
  return `/${collection}/`;
}

/** `/causes/<id>/` and so on. Throws on an id that would break the contract. */
export function entryPath(collection: EntryCollection, id: string): string {
  if (!isValidId(id)) throw new Error(`"${id}" is not a valid page id: use lowercase words joined by hyphens.`);
  return `/${collection}/${id}/`;
}

/** `/for-clinics/causes/` and so on: every page of a collection with all its sections. */
export function sectionListPath(collection: EntryCollection): string {
  return `/for-clinics/${collection}/`;
}

/** An absolute URL on the configured site. */
export function absoluteUrl(site: URL | string, path: string): string {
  return new URL(path, site).href;
}

/** `/red-flags/#check=<id>,<id>`: the checklist opens with those signs ticked. */
export function checklistPath(ids: readonly string[]): string {
  for (const id of ids) if (!isValidId(id)) throw new Error(`"${id}" is not a red-flag id.`);
  return `/red-flags/#check=${ids.join(',')}`;
}
