// Element overrides for MDX bodies.
import MdxH2 from './MdxH2.astro';
import MdxH3 from './MdxH3.astro';
import MdxNestedH3 from './MdxNestedH3.astro';
import MdxNestedH4 from './MdxNestedH4.astro';

/** On an entry's own page: headings get a visible link to themselves. */
export const mdxComponents = { h2: MdxH2, h3: MdxH3 };

/** Inside a page that shows many entries: headings step down a level. */
export const nestedMdxComponents = { h2: MdxNestedH3, h3: MdxNestedH4 };
