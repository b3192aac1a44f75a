// The text of a page's <title>: the page's own words first, then the site name when it fits.

/** Search results cut titles off at about this length; the HTML gate (html-validate `long-title`) uses it too. */
export const MAX_TITLE_LENGTH = 70;

/** "Ice | Sore Calves Guide"; a long page title drops the site name rather than being cut off. */
export function pageTitle(title: string, siteName: string): string {
  if (title === siteName) return title;
  const full = `${title} | ${siteName}`;
  return full.length <= MAX_TITLE_LENGTH ? full : title;
}
