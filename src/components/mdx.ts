// Element overrides and components for MDX bodies.
import Figure from './Figure.astro';
import MdxH2 from './MdxH2.astro';
import MdxH3 from './MdxH3.astro';

/** On an entry's own page: headings get a visible link to themselves; <Figure> needs no import. */
export const mdxComponents = { h2: MdxH2, h3: MdxH3, Figure };
