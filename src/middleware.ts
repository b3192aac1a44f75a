// In `npm run dev`, a content mistake shows as an error page in the browser
// instead of the last good copy of the page (the content loaders only log
// errors from a reload to the terminal). Builds check content during sync.
import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware(async (_context, next) => {
  if (import.meta.env.DEV) {
    const { assertContent } = await import('./content-loaders.ts');
    assertContent();
  }
  return next();
});
