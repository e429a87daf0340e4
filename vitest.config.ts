import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';

// Debian's Chromium, never a downloaded browser (TOOLCHAIN.md).
const chromium = playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

/**
 * Test projects: `unit` (Node, no DOM), `dom` (jsdom + Testing Library), `e2e` (real Chromium), `storybook` (stories in
 * Chromium), `react18` (the flows under React 18, from test/react18's own node_modules, installed by `npm test` when
 * missing), and `artifact` (the packed tarball installed into scratch host apps, test/artifact).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      'test/react18/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{protocol,flow,testing,adapters,size,mutation}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/{react,components,i18n}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'artifact',
          environment: 'node',
          include: ['test/artifact/**/*.artifact.test.ts'],
          globalSetup: ['test/artifact/support/globalSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          // After every other project: its installs and builds would otherwise compete with them for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
