// /links.json: every linkable page and section, made from the collections at build time.
import type { APIRoute } from 'astro';
import { getLinkablePages } from '../data/links.ts';
import { buildManifest } from '../lib/manifest.ts';

export const GET: APIRoute = async ({ site }) => {
  const manifest = buildManifest({ site: site!, generated: new Date(), pages: await getLinkablePages() });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
