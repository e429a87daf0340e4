import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A host's ordinary Vite app build. Sourcemaps let the harness see which packages ended up in the bundle; no
// inlined assets, so the page's strict CSP (`'self'`) holds.
export default defineConfig({
  plugins: [react()],
  build: { sourcemap: true, assetsInlineLimit: 0 },
});
