import { readdirSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const peers = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'react-hook-form',
  'react-phone-number-input',
  'libphonenumber-js',
  'matrix-js-sdk',
  'msw',
];
const isExternal = (id: string): boolean =>
  id.startsWith('node:') || peers.some((p) => id === p || id.startsWith(`${p}/`));

// Each language is its own entry (`matrix-threepid-kit/locales/de`), so a host bundles only those it loads.
const localeEntries = Object.fromEntries(
  readdirSync(resolve(root, 'src/i18n/locales')).map((file) => [`locales/${file.replace(/\.ts$/, '')}`, resolve(root, 'src/i18n/locales', file)]),
);

// CSS ships as plain files: hosts import them, nothing is injected at runtime (strict CSP).
function copyCss(): Plugin {
  return {
    name: 'threepid-copy-css',
    apply: 'build',
    async closeBundle() {
      await mkdir(resolve(root, 'dist/themes'), { recursive: true });
      await copyFile(resolve(root, 'src/styles/styles.css'), resolve(root, 'dist/styles.css'));
      await copyFile(resolve(root, 'src/styles/themes/compound.css'), resolve(root, 'dist/themes/compound.css'));
    },
  };
}

/** Library build: one ES module per public entry, peers left external. */
export default defineConfig({
  plugins: [react(), copyCss()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: resolve(root, 'src/index.ts'),
        protocol: resolve(root, 'src/protocol/index.ts'),
        testing: resolve(root, 'src/testing/index.ts'),
        'matrix-js-sdk': resolve(root, 'src/adapters/matrixJsSdk.ts'),
        ...localeEntries,
      },
    },
    rollupOptions: {
      external: isExternal,
      output: {
        // Next.js: the React entry is a client module.
        banner: (chunk) => (chunk.name === 'index' ? '"use client";' : ''),
      },
    },
  },
});
