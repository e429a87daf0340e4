// `npm run bench`: prints size, request, render and paint-timing figures (see scripts/bench/main.ts).
// The bench is TypeScript that imports the fake homeserver from source, so esbuild bundles it for Node first,
// inside node_modules so its packages (playwright-core, esbuild) resolve as they do for the project.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'node_modules/.cache/matrix-threepid-kit-bench');
const outFile = resolve(outDir, 'bench.mjs');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [resolve(root, 'scripts/bench/main.ts')],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Bundled code keeps the paths of its source files: import.meta.dirname must still mean scripts/bench.
  define: { 'import.meta.dirname': JSON.stringify(resolve(root, 'scripts/bench')) },
  logLevel: 'error',
});
await import(pathToFileURL(outFile).href);
