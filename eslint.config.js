// Lint rules double as the architecture's guard rails: each layer may import only what sits below it
// (ui → worker client → worker → llm, data → core). See STYLE.md and README "Layers".
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { declaredImportsPlugin } from './scripts/eslintDeclaredImports.js';

const restrict = (patterns, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message }] },
  ],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.bench-tmp', '.stress'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // zod is configured once for the CSP (src/core/zod.ts); importing it directly could define a
      // schema before that configuration runs.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import { z } from src/core/zod.ts (configured for the CSP).' },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['eslint.config.js', 'scripts/**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Every imported package declared, reached only through its public entry points (issue 11).
    plugins: { medeval: declaredImportsPlugin(import.meta.dirname) },
    rules: { 'medeval/declared-imports': 'error' },
  },
  {
    files: ['src/core/zod.ts', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      ...restrict(
        [
          'react',
          'react-*',
          'dexie',
          'dexie-*',
          'openai',
          'openai/*',
          'comlink',
          '**/ui/**',
          '**/data/**',
          '**/llm/**',
          '**/worker/**',
        ],
        'core/ is pure domain logic: it imports only zod and core/.',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'fetch', 'indexedDB', 'localStorage', 'navigator', 'self'].map(
          (name) => ({
            name,
            message: 'core/ must not touch browser globals; inject what you need.',
          }),
        ),
      ],
    },
  },
  {
    // Schemas are the bottom of core: stored records and boundaries are validated with them, so they
    // must not depend on the logic that reads them (issue 11). The core rule above, plus this.
    files: ['src/core/schema/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'dexie', 'dexie-*', 'openai', 'openai/*', 'comlink'],
              message: 'core/ is pure domain logic: it imports only zod and core/.',
            },
            {
              group: ['../*/**', '../../**'],
              message: 'core/schema/ imports only zod and schema/: move what it needs down here.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: restrict(
      ['react', 'react-*', 'openai', 'comlink', '**/ui/**', '**/llm/**', '**/worker/**'],
      'data/ owns IndexedDB only: it may import core/ and dexie.',
    ),
  },
  {
    files: ['src/llm/**/*.ts'],
    rules: restrict(
      ['react', 'react-*', 'dexie', 'dexie-*', 'comlink', '**/ui/**', '**/data/**', '**/worker/**'],
      'llm/ talks to model endpoints only: it may import core/ and openai.',
    ),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict(['react', 'react-*', '**/ui/**'], 'worker/ must not import the UI.'),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'openai',
              message: 'The UI never calls endpoints: go through the worker client.',
            },
          ],
          patterns: [
            {
              group: ['**/llm/**'],
              message: 'The UI never calls endpoints: go through the worker client.',
            },
            {
              // Types too: the worker's modules can move and split behind the API it promises.
              group: ['**/worker/**', '!**/worker/workerApi'],
              message:
                'The UI reaches the worker only through ui/workerClient, and names its types from worker/workerApi (re-export a type there).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
