// @ts-check
/**
 * ESLint flat config. Besides correctness rules, it enforces the dependency boundaries of the
 * house style (../shared/design/HOUSE-STYLE.md §7.2): protocol is a leaf that imports only zod,
 * web never reaches into the agent, and strategies stay pure (events in, intents out).
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'];
/** The browser app (web/src) imports only @pt/protocol among the workspaces, and nothing of Node. */
const webImportBoundary = {
  group: ['@pt/*', '!@pt/protocol', '**/agent/**', '**/sim/**', ...nodeBuiltins],
  message: 'the browser imports only @pt/protocol among the workspaces (never agent, sim or Node).',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // protocol/ is a leaf: zod only, no Node, no DOM, no other workspace.
    files: ['protocol/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|zod/|\\.{1,2}/).*',
              message: 'protocol/ imports nothing but zod (and its own files).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['protocol/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The agent logs through pino (agent/src/lib/logger.ts); stdout is reserved for the ready line.
    files: ['agent/src/**/*.ts', 'sim/src/**/*.ts', 'vibe/src/**/*.ts', 'models/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Configuration is parsed once (agent/src/config); only the CLI entry hands it process.env.
    files: ['agent/src/**/*.ts'],
    ignores: ['agent/src/cli.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration from AgentConfig; only cli.ts reads process.env.',
        },
      ],
    },
  },
  {
    // One road for every order (issue 7): intent → risk → ledger → limiter → connector. Only the
    // execution road (and the connector itself) may call the venue's write methods.
    files: ['agent/src/**/*.ts'],
    ignores: ['agent/src/execution/**', 'agent/src/connectors/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(createOrder|cancelOrder|amendOrder|decreaseOrder|cancelAll|batchCreateOrders|batchCancelOrders)$/]:not([callee.object.name='execution'])",
          message:
            'Orders take one road: call the execution service (agent/src/execution), never the connector.',
        },
      ],
    },
  },
  {
    // Strategies are pure decision code: events in, intents out.
    files: ['agent/src/strategies/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/connectors/**', '**/store/**', '**/api/**', '**/execution/**', ...nodeBuiltins],
              message:
                'Strategies receive events and return intents; no I/O, no connectors/store/api/execution.',
            },
          ],
        },
      ],
    },
  },
  {
    // web talks to the agent only via @pt/protocol and web/src/agent-client/.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@pt/agent', '@pt/agent/*', '**/agent/src/**'],
              message: 'web talks to the agent only via @pt/protocol and src/agent-client/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser app (web/src): DOM globals; among the workspaces only @pt/protocol, never Node.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zustand',
              importNames: ['create'],
              message: 'state lives in feature stores: only *.store.ts files create Zustand stores.',
            },
          ],
          patterns: [webImportBoundary],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.store.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webImportBoundary] }] },
  },
  {
    files: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
