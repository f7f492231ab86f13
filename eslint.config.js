// Lint: the recommended rules of eslint and typescript-eslint, plus the layering rule of STYLE.md
// (no SQL driver, csv-parse or zod inside src/cli).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['better-sqlite3', 'csv-parse', 'zod'] }],
    },
  },
  {
    files: ['bin/**', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
