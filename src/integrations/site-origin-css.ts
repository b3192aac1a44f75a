// A stylesheet made at build time that names the site's address, so the print
// stylesheet can print internal links in full: `var(--site-origin) attr(href)`.
// Import it as 'virtual:site-origin.css'.
import type { Plugin } from 'vite';

const ID = 'virtual:site-origin.css';

export default function siteOriginCss(site: string): Plugin {
  const css = `:root { --site-origin: ${JSON.stringify(new URL(site).origin)}; }\n`;
  return {
    name: 'site-origin-css',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) => (id === `\0${ID}` ? css : undefined),
  };
}
