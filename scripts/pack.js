// Builds the package and packs it as `npm pack` would publish it, into a fresh folder of its own under .cache/pack/
// (so two runs at once never share files, and the repo's own dist/ is left alone). `node scripts/pack.js` prints
// the tarball's path; `packTarball()` returns it with the folder to remove when done.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})\n${result.stdout}`);
  return result.stdout;
}

/** Builds into a staging copy of the package and packs it: `{ tarball, dir }`, `dir` being the run's own folder. */
export function packTarball() {
  mkdirSync(join(root, '.cache/pack'), { recursive: true });
  const dir = mkdtempSync(join(root, '.cache/pack/run-'));
  const stage = join(dir, 'package');
  mkdirSync(stage);
  // npm adds package.json, README and LICENSE by itself; `files` names the rest.
  const { files } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const name of ['package.json', 'README.md', 'LICENSE', ...files.filter((f) => f !== 'dist')]) {
    cpSync(join(root, name), join(stage, name), { recursive: true });
  }
  run(process.execPath, [join(root, 'scripts/build.js'), join(stage, 'dist')], root);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir, '--loglevel=error'], stage));
  return { tarball: join(dir, packed.filename), dir };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(packTarball().tarball);
