/** Options every project shares: TypeScript through ts-jest, in Node. */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // jose ships ES modules only; Node 20 requires them natively but Jest (before Node 24.9) does
    // not, so its files are compiled to CommonJS for the tests.
    // The same for the one ES module file of adaptivecards that tests load: the formatter that
    // turns a card's {{DATE()}} and {{TIME()}} into text, as a client renders them. And FormatJS's
    // ICU parser (ES modules only), which the catalog and pseudo-locale tests use.
    '/node_modules/(jose/.+|adaptivecards/lib/text-formatters|@formatjs/.+)\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!jose/|adaptivecards/lib/text-formatters\\.js$|@formatjs/)',
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  // One embedded database for every project (each test file uses its own database in it).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'server',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
    },
    {
      // The tab in headless Chromium against the real server; builds the tab first if needed.
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.spec.ts'],
      globalSetup: '<rootDir>/test/e2e/support/build-tab.ts',
    },
  ],
};
