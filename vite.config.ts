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
const src = resolve(root, 'src');

// The peers the kit's React modules import: the build routes those imports through src/peerExports.ts (see there).
const PEER_EXPORTS = resolve(src, 'peerExports.ts');
const SHARED_PEERS = new Set(['react', 'react/jsx-runtime', '@tanstack/react-query']);
const throughPeerExports = (id: string, importer: string | undefined): boolean =>
  SHARED_PEERS.has(id) && importer !== undefined && importer !== PEER_EXPORTS && importer.startsWith(src);

const isExternal = (id: string, importer?: string): boolean =>
  !throughPeerExports(id, importer) && (id.startsWith('node:') || peers.some((p) => id === p || id.startsWith(`${p}/`)));

/** Points the kit's own imports of React, its JSX runtime and react-query at src/peerExports.ts. */
function sharedPeerImports(): Plugin {
  return {
    name: 'threepid-shared-peer-imports',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id, importer) => (throughPeerExports(id, importer) ? PEER_EXPORTS : null),
  };
}

/** The entries that render React: Next.js must treat them as client modules. */
const CLIENT_ENTRIES = new Set(['index.js', 'phone.js']);

// Each language is its own entry (`matrix-threepid-kit/locales/de`), so a host bundles only those it loads.
const localeEntries = Object.fromEntries(
  readdirSync(resolve(root, 'src/i18n/locales')).map((file) => [`locales/${file.replace(/\.ts$/, '')}`, resolve(root, 'src/i18n/locales', file)]),
);

// CSS ships as plain files: hosts import them, nothing is injected at runtime (strict CSP).
function copyCss(): Plugin {
  let outDir = resolve(root, 'dist');
  return {
    name: 'threepid-copy-css',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await mkdir(resolve(outDir, 'themes'), { recursive: true });
      await copyFile(resolve(root, 'src/styles/styles.css'), resolve(outDir, 'styles.css'));
      await copyFile(resolve(root, 'src/styles/themes/compound.css'), resolve(outDir, 'themes/compound.css'));
    },
  };
}

/**
 * Library build: one ES module per source module (as src/ lays them out), peers left external. One file per module
 * lets a host's bundler drop whole modules it does not use (package.json says JS has no side effects), which a
 * single bundle would not allow: a flow's `{ ...a, ...b }` message table must then be kept.
 */
export default defineConfig({
  plugins: [react(), sharedPeerImports(), copyCss()],
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
        phone: resolve(root, 'src/phone.ts'),
        'protocol/index': resolve(root, 'src/protocol/index.ts'),
        'testing/index': resolve(root, 'src/testing/index.ts'),
        'testing/msw': resolve(root, 'src/testing/msw.ts'),
        'adapters/matrixJsSdk': resolve(root, 'src/adapters/matrixJsSdk.ts'),
        ...localeEntries,
      },
    },
    rollupOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) => (CLIENT_ENTRIES.has(chunk.fileName) ? '"use client";' : ''),
      },
    },
  },
});
