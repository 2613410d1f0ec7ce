import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'cloudfunctions/*/index.js', 'test-results/**', 'playwright-report/**', '.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/pages/**/*.tsx', 'src/apply/**/*.tsx', 'src/features/**/*.{ts,tsx}', 'src/components/**/*.tsx', 'src/services/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The shared core reads no clock, no environment and no platform: time and rounds are arguments.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', 'wx-server-sdk', 'better-sqlite3', 'react', 'react-dom', 'node:*'], message: 'src/core is pure: no platform imports.' },
            { group: ['**/server/**', '**/pages/**', '**/features/**', '**/services/**', '**/components/**'], message: 'src/core imports only src/core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core reads no environment: pass values in.' },
        { name: 'wx', message: 'src/core calls no platform API.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core reads no clock: take `asOf` as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core reads no clock: take `asOf` as an argument.' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'src/core reads no clock: dayjs() without an argument is now.' },
      ],
    },
  },
  // The app's layers (the same rules as dependency-cruiser's, where the editor shows them).
  ...[
    { files: ['src/features/**/*.{ts,tsx}'], banned: ['**/server/**', '**/pages/**'], message: 'src/features uses core, services and components; never pages or server code.' },
    { files: ['src/components/**/*.{ts,tsx}'], banned: ['**/server/**', '**/pages/**', '**/features/**'], message: 'src/components uses core and services only.' },
    { files: ['src/services/**/*.{ts,tsx}'], banned: ['**/server/**', '**/pages/**', '**/features/**', '**/components/**'], message: 'src/services uses core only.' },
    { files: ['src/pages/**/*.{ts,tsx}', 'src/apply/**/*.{ts,tsx}'], banned: ['**/server/**'], message: 'Pages reach the server through src/services, never by importing it.' },
  ].map(({ files, banned, message }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: banned, message }, { group: ['wx-server-sdk', 'better-sqlite3'], message: 'Server-only packages.' }] }],
    },
  })),
);
