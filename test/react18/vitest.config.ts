import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The kit's source against React 18: this folder has its own node_modules (React 18 and the peers built on it), and
// `dedupe` makes every import of them — the kit's source included — resolve here rather than to the root's React 19.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    dedupe: ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'react-phone-number-input', '@testing-library/react'],
  },
  test: {
    name: 'react18',
    environment: 'jsdom',
    include: ['*.test.tsx'],
  },
});
