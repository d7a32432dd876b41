import globals from 'globals';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { builtinModules } from 'node:module';

// layer rules: the folders that may use each library of the outside world.
const DOMAIN = [
  'bot/src/platform/domain/**',
  'bot/src/people/domain/**',
  'bot/src/features/*/domain/**',
];
const TEAMS = [
  'bot/src/platform/teams/**',
  'bot/src/people/teams/**',
  'bot/src/features/*/teams/**',
];
const HTTP = [
  'bot/src/platform/http/**',
  'bot/src/**/*-routes.ts',
  'bot/src/features/privacy/public-pages.ts',
  // The bot's own route: it hands the HTTP request to the Bot Framework adapter.
  'bot/src/platform/teams/bot-endpoint.ts',
];
const STORE = [
  'bot/src/platform/store/**',
  // Queues kept in the database: claims and leases are conditional updates.
  'bot/src/platform/jobs/{outbox,scheduler}.ts',
  'bot/src/people/{installation-repository,memberships,people-directory,personal-conversations,roster-migration,rosters}.ts',
  'bot/src/features/*/*-repository.ts',
  'bot/src/features/recognition/wall-index.ts',
];
const restricted = (regex, message) => ['error', { patterns: [{ regex, message }] }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.cache/',
      '.data/',
      'tab/dist/',
      'appPackage/build/',
      'test/e2e/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware promise rules: a promise nobody awaits or catches fails silently, after the
    // request or the test it belonged to has finished. Each file is typed by its nearest tsconfig.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // layer rules. The core no-restricted-imports rule is registered once per boundary, so each
    // boundary is a rule of its own: its files are chosen independently of the others', and no
    // other block's no-restricted-imports options can replace it. Dynamic import() is not checked.
    files: ['bot/src/**/*.ts'],
    plugins: {
      layers: {
        rules: Object.fromEntries(
          ['pure-domain', 'botbuilder', 'restify', 'mongodb'].map((name) => [
            name,
            builtinRules.get('no-restricted-imports'),
          ]),
        ),
      },
    },
  },
  {
    files: DOMAIN,
    rules: {
      'layers/pure-domain': [
        'error',
        {
          patterns: [
            {
              regex: `^(node:|(${builtinModules.join('|')})(/|$))`,
              message: 'Domain files are pure: I/O goes through a port the service passes in.',
            },
            {
              regex: '^\\.\\.(?!.*/domain/[^/]+$)',
              message: 'Domain files import only other domain files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/src/**/*.ts'],
    ignores: TEAMS,
    rules: {
      'layers/botbuilder': restricted(
        '^(botbuilder|botframework-)',
        'Bot Framework is used only in teams/ folders.',
      ),
    },
  },
  {
    files: ['bot/src/**/*.ts'],
    ignores: HTTP,
    rules: {
      'layers/restify': restricted(
        '^restify($|[-/])',
        'restify is used only in platform/http/ and route files.',
      ),
    },
  },
  {
    files: ['bot/src/**/*.ts'],
    ignores: STORE,
    rules: {
      'layers/mongodb': restricted(
        '^(mongodb|bson)($|/)',
        'The database is used only in platform/store/ and repositories.',
      ),
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // The tab runs in the browser (and in Teams' iframe), with React's rules of hooks.
    files: ['tab/**/*.{ts,tsx}'],
    ignores: ['tab/vite.config.mts'],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat.recommended,
  },
);
