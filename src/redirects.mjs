// Old URL -> new URL. A published URL never breaks: when a page is renamed or
// removed, add its old path here (tests/e2e/urls.spec.ts accepts a redirect).
/** @type {Record<string, string>} */
export const redirects = {};
