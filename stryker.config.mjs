// @ts-check
// Mutation testing of the core (`npm run mutation`, not part of `npm test`: it takes minutes). README → "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/protocol/**/*.ts',
    'src/flow/**/*.ts',
    'src/react/**/*.{ts,tsx}',
    'src/i18n/errorMessage.ts',
    // Barrels and type-only files hold no behaviour.
    '!src/**/index.ts',
    '!src/**/types.ts',
  ],
  // The machine's 2 cores are shared; on your own machine raise it with `--concurrency N`.
  concurrency: 2,
  // Static mutants stay in (no `ignoreStatic`): about half of all mutants, with real gaps among them. Narrow a per-file
  // run with MUTATION_TESTS (vitest.mutation.config.ts), never `--testFiles`: with it Stryker 9.6.1 switches static
  // mutants on only after the code was imported, so they never take effect and survive falsely.
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // Per-file runs each name their own report (`MUTATION_JSON=reports/mutation/runs/http.json`), so
  // `node scripts/mutationTable.js` can merge them into one table; a run writes over the file it names.
  jsonReporter: { fileName: process.env.MUTATION_JSON ?? 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // A mutant that makes a polling or waiting test spin needs more than the default 5 s over the dry run's time.
  timeoutMS: 10_000,
  // The first run executes every related unit and dom test single-threaded with coverage: minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  // Large folders that no unit or dom test reads stay out of the sandbox copy.
  ignorePatterns: ['docs', 'storybook-static', 'dist', 'test/react18', 'test/e2e', 'test-results', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
