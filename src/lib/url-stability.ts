// A published URL never breaks. Given the URLs published so far, what the
// build serves and the redirects, lists every published URL a reader would
// now lose, with what to do about it.

/** What a build serves: URL paths (pages and files) and the element ids on each page. */
export interface ServedSite {
  paths: ReadonlySet<string>;
  ids: ReadonlyMap<string, ReadonlySet<string>>;
}

const split = (url: string) => {
  const i = url.indexOf('#');
  return i === -1 ? { path: url, id: '' } : { path: url.slice(0, i), id: url.slice(i + 1) };
};

function isServed(url: string, site: ServedSite): boolean {
  const { path, id } = split(url);
  return site.paths.has(path) && (id === '' || (site.ids.get(path)?.has(id) ?? false));
}

/** Follows old -> new redirects to the end; undefined when the URL is not redirected. Throws on a loop. */
export function redirectTarget(path: string, redirects: Readonly<Record<string, string>>): string | undefined {
  let to: string | undefined;
  const visited = new Set<string>();
  for (let from = path; redirects[from] !== undefined; from = split(to!).path) {
    if (visited.has(from)) throw new Error(`src/redirects.mjs: ${path} redirects in a loop.`);
    visited.add(from);
    to = redirects[from];
  }
  return to;
}

/** One message per published URL that no longer works. Empty when all is well. */
export function brokenPublishedUrls(
  published: readonly string[],
  site: ServedSite,
  redirects: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const url of published) {
    if (isServed(url, site)) continue;
    const { path, id } = split(url);
    // A section may be listed on its own; a redirected page takes its sections with it.
    const from = redirects[url] !== undefined ? url : path;
    const target = redirectTarget(from, redirects);
    if (target !== undefined) {
      if (!isServed(target, site))
        problems.push(`${url}: src/redirects.mjs sends ${from} to ${target}, which the build does not serve.`);
    } else if (id && site.paths.has(path)) {
      problems.push(
        `${url}: ${path} no longer has a section with the id "${id}". Keep a heading with that id, or list ${url} in src/redirects.mjs.`,
      );
    } else {
      problems.push(
        `${url}: the build no longer serves ${path}. Add a redirect from it to its new URL in src/redirects.mjs.`,
      );
    }
  }
  return problems;
}
