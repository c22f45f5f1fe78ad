import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

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
    ignores: ['src/space/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/space uses no extension APIs.' }, { name: 'browser', message: 'src/space uses no extension APIs.' }],
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', '../background/*', '../popup/*', '../options/*'] }],
    },
  },
  {
    // Only the worker talks to Space.
    files: ['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Ask the service worker.' }],
      'no-restricted-imports': ['error', { patterns: ['../space/client*', '../../space/client*', '../background/*', '../../background/*'] }],
    },
  },
);
