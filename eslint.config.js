// @ts-check
/**
 * ESLint for the whole project (`npm run lint`, also part of `npm test`).
 * Syntax-level typescript-eslint rules only: the type-aware ones would cost
 * a full program build on every run, and `tsc` plus lit-analyzer already
 * check the types (lit-analyzer also inside the templates).
 */
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

/** Markup from strings is how another account's (or an attacker's) text would become markup. */
const markupFromStrings = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        'lit/directives/unsafe-html.js',
        'lit/directives/unsafe-svg.js',
        'lit-html/directives/unsafe-html.js',
      ].map((name) => ({ name, message: 'Render text through a template binding; it is escaped.' })),
    },
  ],
  'no-restricted-properties': [
    'error',
    ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
      property,
      message: 'Build DOM with a Lit template (or textContent); a string set as markup is not escaped.',
    })),
    { object: 'document', property: 'write', message: 'Build DOM with a Lit template.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-qa/',
      'bench/out/',
      'tmp/',
      'public/',
      'custom-elements.json',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The same module imported twice (a type import beside a value import is the house style).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Undefined names are tsc's to report, with the real DOM and Node types (the .mjs files are @ts-check).
      'no-undef': 'off',
      ...markupFromStrings,
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'lit/lifecycle-super': 'error',
      // With `useDefineForClassFields: false` a class field still shadows a reactive property's accessor.
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/quoted-expressions': 'error',
      // Not 'lit/no-value-attribute': a radio's `value` is its fixed identity, not live state.
      // Not 'wc/tag-name-matches-class': screens are `mp-…-screen` elements of `…Screen` classes.
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests build hostile fixtures and inspect what the page rendered.
      'no-restricted-properties': 'off',
      'no-restricted-imports': 'off',
      // chai's property assertions: `expect(x).to.exist`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Answers of the mock read field by field in assertions, whatever their shape.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/**'],
    ignores: ['test/support/wait.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: "Import waitUntil from test/support/wait.ts: open-wc's 1 s default fails on a busy CI machine.",
            },
          ],
        },
      ],
    },
  },
);
