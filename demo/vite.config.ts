import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The e2e demo page: a plain app build of demo/, nothing from the library build. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Inline assets would be data: URLs; keep every asset a file so the CSP stays `'self'`.
    assetsInlineLimit: 0,
  },
});
