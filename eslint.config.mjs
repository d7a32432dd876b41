import globals from 'globals';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// ---- feature boundaries ----
// A feature reaches another only through its index.ts; platform/ imports no feature, and from
// people/ only the pure model in people/domain (its access check and the bot's install lifecycle
// act on rosters); people/ imports no feature. Paths are matched as written, so each depth of
// folder inside a feature gets the number of `../` that leads out of it.
// The typescript-eslint form of no-restricted-imports: a later block setting the core rule for the
// same files replaces that rule's options rather than adding to them, so this one stays apart.
const BOUNDARY_RULE = '@typescript-eslint/no-restricted-imports';
const INTO_FEATURES_FOLDER = '^(\\.\\./)+features/[^/]+/.+';
const DEEP_FEATURE_IMPORT =
  'Import another feature through its index.ts (features/<name>), never its files.';
// Route and OpenAPI files another change rewrites as declarative route definitions; until then
// they keep the imports they were written with.
const AWAITING_ROUTE_DEFINITIONS = [
  'bot/src/platform/http/openapi.ts',
  'bot/src/people/me-routes.ts',
  'bot/src/people/openapi-people.ts',
  'bot/src/features/recognition/team-values-routes.ts',
];

/** A file `depth` folders inside its feature reaches a sibling feature by `depth` times `../`. */
const featureBoundary = (depth) => ({
  files: [`bot/src/features/*/${'*/'.repeat(depth - 1)}*.ts`],
  ignores: AWAITING_ROUTE_DEFINITIONS,
  rules: {
    [BOUNDARY_RULE]: [
      'error',
      {
        patterns: [
          { regex: `^(\\.\\./){${depth}}[^./][^/]*/.+`, message: DEEP_FEATURE_IMPORT },
          { regex: INTO_FEATURES_FOLDER, message: DEEP_FEATURE_IMPORT },
        ],
      },
    ],
  },
});

const featureBoundaries = [
  ...[1, 2, 3, 4].map(featureBoundary),
  {
    files: ['bot/src/platform/**/*.ts'],
    ignores: AWAITING_ROUTE_DEFINITIONS,
    rules: {
      [BOUNDARY_RULE]: [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+features(/|$)',
              message:
                'platform/ imports no feature: a feature hands its parts to the platform in its Feature (platform/feature.ts).',
            },
            {
              regex: '^(\\.\\./)+people(/(?!domain/)|$)',
              message: 'platform/ may use only the pure model in people/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/src/people/**/*.ts'],
    ignores: AWAITING_ROUTE_DEFINITIONS,
    rules: {
      [BOUNDARY_RULE]: [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+features(/|$)',
              message: 'people/ imports no feature: features build on people, not the reverse.',
            },
          ],
        },
      ],
    },
  },
];

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
  ...featureBoundaries,
);
