// The link manifest and the published URL list, for the browser tests.
export { builtManifest, publishedUrls } from '../../scripts/lib/built-site.ts';
