import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Test projects: `unit` (Node, no DOM), `dom` (jsdom + Testing Library), `e2e` (real Chromium), `storybook` (stories in Chromium). */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{protocol,flow,testing,adapters,size}/**/*.test.ts'],
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
    ],
  },
});
