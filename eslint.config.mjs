import globals from 'globals';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
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
/** Card builders, replies and Teams flows: what people read in Teams. */
const TEAMS_FILES = ['bot/src/**/teams/**/*.ts'];
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
  'bot/src/people/people.ts',
  'bot/src/migrations/**',
];
// The composition root and the Feature contract name each library's types where they meet.
const COMPOSITION = ['bot/src/app.ts', 'bot/src/platform/feature.ts'];
const restricted = (regex, message) => ['error', { patterns: [{ regex, message }] }];

// ---- user-visible text in Teams ----
// Cards, replies and card actions read their words from the catalog (locales/<tag>.json) in the
// reader's language; a literal with words where a card shows text would reach every reader in
// English. Literals elsewhere (types, verbs, ids, styles) are not text people read.
const SHOWN_PROPERTY = '/^(text|title|label|placeholder|errorMessage|altText|fallbackText)$/';
const HAS_WORDS = '/[A-Za-z\\u00C0-\\u024F\\u3040-\\u30FF\\u4E00-\\u9FFF]{2}/';
const TEXT_BUILDER = '/^(textBlock|titleBlock|subtleBlock|execute|openUrl|sendActivity)$/';
const FROM_CATALOG =
  "User-visible text in Teams comes from the catalog (locales/<tag>.json) through a Translate: t('<key>', { … }).";
const literalText = (at) => [
  { selector: `${at} > Literal[value=${HAS_WORDS}]`, message: FROM_CATALOG },
  {
    selector: `${at} > TemplateLiteral > TemplateElement[value.raw=${HAS_WORDS}]`,
    message: FROM_CATALOG,
  },
];
const userTextInTeams = {
  files: TEAMS_FILES,
  rules: {
    'no-restricted-syntax': [
      'error',
      ...literalText(`Property[key.name=${SHOWN_PROPERTY}]`),
      ...literalText(`CallExpression[callee.name=${TEXT_BUILDER}]`),
      ...literalText(`CallExpression[callee.property.name=${TEXT_BUILDER}]`),
    ],
  },
};

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
/** A file `depth` folders inside its feature reaches a sibling feature by `depth` times `../`. */
const featureBoundary = (depth) => ({
  files: [`bot/src/features/*/${'*/'.repeat(depth - 1)}*.ts`],
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
      'build/', // npm run stage:azure: the built app staged for deployment
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
    ignores: [...TEAMS, ...COMPOSITION],
    rules: {
      'layers/botbuilder': restricted(
        '^(botbuilder|botframework-)',
        'Bot Framework is used only in teams/ folders.',
      ),
    },
  },
  {
    files: ['bot/src/**/*.ts'],
    ignores: [...HTTP, ...COMPOSITION],
    rules: {
      'layers/restify': restricted(
        '^restify($|[-/])',
        'restify is used only in platform/http/ and route files.',
      ),
    },
  },
  {
    files: ['bot/src/**/*.ts'],
    ignores: [...STORE, ...COMPOSITION],
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
  {
    // Every word a person reads in the tab comes from the catalog (locales/*.json, tab.* keys):
    // text between tags and the props that show text (Fluent's label, hint, content…).
    files: ['tab/src/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        {
          props: {
            include: [
              [
                '*',
                '{label,hint,validationMessage,content,header,description,placeholder,title,alt,text,message,confirmLabel,aria-label,aria-description}',
              ],
            ],
          },
        },
      ],
    },
  },
  ...featureBoundaries,
  userTextInTeams,
);
