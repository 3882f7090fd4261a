// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'jest.config.js',
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
      // A library is reached only through its index, by alias; never by a relative path across libraries.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@majlis/*/*'], message: 'Import a library through its index: @majlis/<name>.' },
            { group: ['../../libs/*', '../../../libs/*', '**/libs/*/src/*'], message: 'Use the @majlis/<name> alias.' },
          ],
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
