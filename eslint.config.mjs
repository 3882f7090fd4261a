// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint.boundaries.mjs';

export default tseslint.config(
  // apps/web lints with its own config (eslint.config.js there).
  {
    ignores: [
      'dist/**',
      '**/dist/**',
      'apps/web/**',
      'node_modules/**',
      'coverage/**',
      '.majlis/**',
      'eslint.config.mjs',
      'eslint.boundaries.mjs',
      'jest.config.js',
      'test/long-first.sequencer.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers and the design's never-rules (docs/architecture.md).
  ...boundaries(),
  {
    files: ['libs/workflow/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'libs/workflow reads no clock: time is an input.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'libs/workflow reads no clock: time is an input.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', fetch: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
