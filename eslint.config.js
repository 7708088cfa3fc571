// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** ESLint: the recommended JavaScript and typescript-eslint rules, plus the layering rule of docs/DESIGN.md. */
export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests and the Discord API emulator handle raw JSON payloads.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The core: no Discord, no front end, no process or console (see docs/DESIGN.md, "Layers").
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', '@discordjs/*', 'discord-api-types', 'discord-api-types/*'],
              message: 'src/ is the core: no Discord import.',
            },
            {
              group: ['**/bot/**', '**/commands/**', '**/cli/**', '**/scripts/**'],
              message: 'src/ is the core: it never imports a front end.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/ is the core: front ends own the process.' },
        { name: 'console', message: 'src/ is the core: return values, let front ends print.' },
      ],
      'no-console': 'error',
    },
  },
);
