// ESLint: JavaScript's and typescript-eslint's recommended rules for .ts and
// .mjs files, eslint-plugin-astro's for .astro components (their frontmatter
// and their <script> blocks). Formatting is Prettier's job, not the linter's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/', '**/.astro/', 'bench/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // `const { a, ...rest } = x` is how a key is left out of a copy.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
);
