import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

// The root vite.config.ts builds the library (lib mode, peers external, CSS copied to dist/): none of that suits
// an app like Storybook, so the builder reads its own small config instead.
const viteConfigPath = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

/** Storybook: the kit's stories against the fake homeserver (msw worker served from public/). */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath } },
  },
  staticDirs: ['../public'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  typescript: { reactDocgen: 'react-docgen-typescript' },
};

export default config;
