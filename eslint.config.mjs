import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test/e2e/.runtime/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core is transport-free: it must not import the editor or the LSP runtime.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient*'],
              message: 'server/src/core must stay free of the LSP and VS Code runtimes.',
            },
            {
              group: ['node:fs', 'fs', 'node:child_process', 'child_process'],
              message: 'The core reads files through the injected FileSystem and never runs processes.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client is a thin shell: it reaches the server only through the typed protocol.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+server/src/(?!lsp/protocol$)',
              message: 'client/ imports nothing from the server but server/src/lsp/protocol (the typed requests).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
