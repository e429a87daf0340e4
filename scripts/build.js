// `npm run build`: the library into dist/ (or the folder given as first argument): ES modules by vite, declarations
// by tsc, then the declarations' relative imports get the `.js` / `/index.js` endings that TypeScript's `node16` /
// `nodenext` resolution needs (the package is "type": "module", so its .d.ts files are ES modules too).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.argv[2] ?? 'dist');

function run(file, args) {
  // Production whatever the caller's environment (vitest sets NODE_ENV=test, which would build JSX for development).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [resolve(root, file), ...args], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `./x` → `./x.js` or `./x/index.js`, whichever declaration exists beside the importing file; others unchanged. */
export function withExtension(specifier, fromFile) {
  if (!specifier.startsWith('.') || /\.(js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
  const base = resolve(dirname(fromFile), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  return specifier;
}

run('node_modules/vite/bin/vite.js', ['build', '--outDir', outDir, '--logLevel', 'warn']);
run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', outDir]);

// `from '…'`, `import('…')` and `declare module '…'`-free declaration text: rewrite only relative specifiers.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
for (const file of filesUnder(outDir, '.d.ts')) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(SPECIFIER, (_all, lead, quote, specifier) => `${lead}${quote}${withExtension(specifier, file)}${quote}`);
  if (fixed !== text) writeFileSync(file, fixed);
}
