import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runOk } from './run';

/** The repository this harness belongs to. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** Files git would commit right now: tracked ones and new unignored ones (so uncommitted work is packed too). */
async function sourceFiles(): Promise<string[]> {
  const { stdout } = await runOk('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT });
  return stdout.split('\0').filter((file) => file.length > 0);
}

/**
 * Builds the library with `npm run build` and packs it with `npm pack`, in a copy of the working tree (its
 * node_modules linked in), so the repo's own `dist/` is never rebuilt under another test reading it. Resolves the
 * tarball's path inside `outDir`.
 */
export async function buildAndPack(outDir: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'threepid-artifact-src-'));
  try {
    for (const file of await sourceFiles()) {
      await mkdir(dirname(join(work, file)), { recursive: true });
      // A file deleted but not yet staged is still listed; it is simply not part of the package.
      await cp(join(REPO_ROOT, file), join(work, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    await symlink(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    await runOk('npm', ['run', 'build'], { cwd: work });
    // Scripts stay off: the build just ran, and a host's install never runs ours either (npm 11).
    const { stdout } = await runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], { cwd: work });
    const packed: unknown = JSON.parse(stdout);
    const first: unknown = Array.isArray(packed) ? packed[0] : undefined;
    const filename: unknown = Reflect.get(Object(first), 'filename');
    if (typeof filename !== 'string') throw new Error(`npm pack printed no filename: ${stdout}`);
    return join(outDir, filename);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
