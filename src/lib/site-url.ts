// The address the site is published at, from SITE_URL. Canonical links, the
// manifest, printed addresses and QR codes are built from it.

export const PLACEHOLDER_SITE = 'https://calf-guide.example';

/**
 * Checks SITE_URL and returns the origin to build with. Throws a plain message
 * for an address the site cannot be built for: not http(s), or with a path
 * (pages link to root paths like /red-flags/, so the guide must sit at the root).
 */
export function resolveSiteUrl(value: string | undefined): { site: string; isPlaceholder: boolean } {
  if (value === undefined || value.trim() === '') return { site: PLACEHOLDER_SITE, isPlaceholder: true };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `SITE_URL "${value}" is not a web address. Set it to the address the guide is published at, e.g. SITE_URL=https://calves.clinic.example npm run build`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `SITE_URL "${value}" must start with https:// (or http://), e.g. SITE_URL=https://calves.clinic.example`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `SITE_URL "${value}" has a path, but the guide must be served at the root of its address: its pages link to /red-flags/, /faq/ and so on. ` +
        `Publish it on its own host name instead, e.g. SITE_URL=https://${url.hostname.startsWith('calves.') ? url.hostname : `calves.${url.hostname}`}`,
    );
  }
  return { site: url.origin, isPlaceholder: false };
}

export const placeholderWarning = () =>
  `SITE_URL is not set: canonical links, printed addresses and QR codes will point to the placeholder ${PLACEHOLDER_SITE}, which is not a real site. ` +
  'Set it to the address you publish at, e.g. SITE_URL=https://calves.clinic.example npm run build';
