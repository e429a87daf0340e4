import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Vite settings for Storybook's builder: a plain React app, nothing from the library build. */
export default defineConfig({
  plugins: [react()],
});
