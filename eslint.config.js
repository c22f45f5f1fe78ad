import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/**
 * Imports only go down (docs/style: src/space → src/shared → src/kinds → src/background, src/popup, src/options):
 * a floor may not import from the floors above it, nor sideways. `floors` are folder names under src/.
 */
const noImportFrom = (...floors) => floors.map((floor) => ({
  regex: `(^|/)${floor}/`,
  message: `Imports only go down: src/space → src/shared → src/kinds → src/background | src/popup | src/options. Move what both need down a floor.`,
}));

/**
 * What a page (src/popup, src/options) may take from src/space: an allowlist of pure modules, exactly those the pages
 * use — the entities' types, the base-URL rules, the same-origin check and Space's web URLs. Everything else there
 * (the HTTP core, the client, OAuth) belongs to the worker: a page asks it.
 */
const PAGE_SPACE_MODULES = ['types', 'base-url', 'same-origin', 'web-urls'];
const pageSpaceImports = {
  regex: `(^|/)space/(?!(${PAGE_SPACE_MODULES.join('|')})\\.ts$)`,
  message: `A page takes only ${PAGE_SPACE_MODULES.map((m) => `space/${m}.ts`).join(', ')} from src/space: ask the service worker.`,
};

const htmlSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render Space data as text.' },
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML sinks.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'No HTML sinks.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'dist-test/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The Space client must run in Node and in the worker alike.
    files: ['src/space/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'src/space uses no extension APIs.' }],
        patterns: noImportFrom('shared', 'kinds', 'background', 'popup', 'options'),
      }],
    },
  },
  {
    files: ['src/space/**/*.ts'],
    ignores: ['src/space/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/space uses no extension APIs.' }, { name: 'browser', message: 'src/space uses no extension APIs.' }],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: noImportFrom('kinds', 'background', 'popup', 'options') }] },
  },
  {
    // A kind's worker side (search.ts) and page side (view, card) share its folder; neither may reach into the
    // worker's or the pages' internals.
    files: ['src/kinds/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: noImportFrom('background', 'popup', 'options') }] },
  },
  {
    files: ['src/background/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noImportFrom('popup', 'options') }] },
  },
  {
    // Only the worker talks to Space.
    files: ['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Ask the service worker.' }],
    },
  },
  {
    files: ['src/popup/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noImportFrom('background', 'options'), pageSpaceImports] }] },
  },
  {
    files: ['src/options/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noImportFrom('background', 'popup'), pageSpaceImports] }] },
  },
);
