import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'client/dist/**', 'bridge/dist/**', 'demo/dist/**', 'tests/e2e/apps/dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['components/**/*.tsx', 'lib/ui/**/*.{ts,tsx}', 'entrypoints/**/*.tsx', 'demo/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    // The page-side code must never reach the vault or the key store.
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'lib/inpage/**', 'lib/relay/**', 'client/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/vault/**', '**/crypto/**', '**/db/**', '**/providers/**'], message: 'page-side code must not import wallet internals' }] }],
    },
  },
);
