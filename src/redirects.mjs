// Old URL -> new URL. A published URL never breaks (tests/e2e/urls.spec.ts):
// when a page is renamed or removed, add its old path here and the build
// serves a redirect from it to the new URL.
// A removed section ("/faq/#old-id") can be listed too. Browsers never send
// "#..." to the server, so nothing is redirected: the old link opens its page
// at the top. Listing it records where that content went now.
/** @type {Record<string, string>} */
export const redirects = {};

/** The entries Astro can serve: whole pages, not sections. */
export const pageRedirects = Object.fromEntries(Object.entries(redirects).filter(([from]) => !from.includes('#')));
