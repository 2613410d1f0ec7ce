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
    files: ['src/{pages,apply,review,committee,features,components}/**/*.{ts,tsx}', 'src/services/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Screens call the platform through src/services (imports of Taro are dependency-cruiser's to check; the global is not).
    files: ['src/{pages,apply,review,committee,features,components}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', { name: 'wx', message: 'Call the platform through src/services.' }] },
  },
  {
    // The shared core reads no clock and no environment: time and rounds are arguments. What each
    // layer may import is dependency-cruiser's (.dependency-cruiser.cjs), the one source of those rules.
    files: ['src/core/**/*.ts'],
    rules: {
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
);
