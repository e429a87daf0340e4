import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTS_DIR, hostPackages, type HostSpec } from './hosts';
import { REPO_ROOT } from './pack';
import { snippetFileName, snippetsForHost, type ReadmeSnippet } from './readmeSnippets';
import { runOk } from './run';

/** Kept between runs (`.cache/` is gitignored): each host's node_modules and lockfile, by host name. */
export const CACHE_DIR = join(REPO_ROOT, '.cache', 'artifact');

const TARBALL = 'matrix-threepid-kit.tgz';
const STAMP = 'inputs.sha512';
const KEPT = ['node_modules', 'package-lock.json'];

/** A scratch host, installed and with its sources written, in a folder outside the repo. */
export interface PreparedHost {
  spec: HostSpec;
  dir: string;
  /** Every package its package.json names. */
  installed: ReadonlySet<string>;
  /** The README snippets written to its `src/readme/`. */
  snippets: ReadmeSnippet[];
  /** Whether its node_modules came from the cache (only the tarball reinstalled). */
  cached: boolean;
  /** Puts node_modules back into the cache for the next run and deletes the host folder. */
  release(): Promise<void>;
}

function sha512(data: Buffer | string): string {
  return createHash('sha512').update(data).digest('base64');
}

// The install's inputs besides the tarball: the template's package.json, and the Node that installed it.
function inputsKey(template: string): string {
  return sha512(`${template}\n${process.versions.node}`);
}

// A rename is instant; across file systems (a tmpfs /tmp) it becomes a copy.
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  }
}

async function installedKitIntegrity(dir: string): Promise<unknown> {
  const lock: unknown = JSON.parse(await readFile(join(dir, 'node_modules', '.package-lock.json'), 'utf8'));
  const packages: unknown = Reflect.get(Object(lock), 'packages');
  return Reflect.get(Object(Reflect.get(Object(packages), 'node_modules/matrix-threepid-kit')), 'integrity');
}

/**
 * Installs a host in `dir` with `npm install`, or — when the cached install had the same inputs — moves the cached
 * node_modules in and reinstalls only the tarball. A cold cache (a fresh machine) just installs everything.
 */
async function install(spec: HostSpec, dir: string, cache: string, key: string, tarball: string): Promise<boolean> {
  const stamp = join(cache, STAMP);
  const cached = existsSync(join(cache, 'node_modules')) && existsSync(stamp) && (await readFile(stamp, 'utf8')) === key;
  await copyFile(join(HOSTS_DIR, spec.name, 'package.json'), join(dir, 'package.json'));
  await copyFile(tarball, join(dir, TARBALL));
  if (cached) {
    for (const name of KEPT) await move(join(cache, name), join(dir, name));
    await runOk('npm', ['install', '--no-audit', '--no-fund', `./${TARBALL}`], { cwd: dir });
  } else {
    await rm(cache, { recursive: true, force: true });
    await runOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
  }
  // The cache must never stand in for this run's package: what is installed is exactly this tarball.
  const expected = `sha512-${sha512(await readFile(tarball))}`;
  const actual = await installedKitIntegrity(dir);
  if (actual !== expected) throw new Error(`${spec.name}: installed matrix-threepid-kit is ${String(actual)}, not this run's tarball ${expected}`);
  return cached;
}

async function copyFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) await copyFile(join(from, name), join(to, name));
}

/** Writes the host's app (`src/main.tsx` and the shell), build and type-check configs, and its README snippets. */
async function writeSources(spec: HostSpec, dir: string, snippets: readonly ReadmeSnippet[]): Promise<void> {
  await copyFolder(join(HOSTS_DIR, 'common'), dir);
  await mkdir(join(dir, 'src', 'readme'), { recursive: true });
  await copyFile(join(HOSTS_DIR, 'apps', 'shell.tsx'), join(dir, 'src', 'shell.tsx'));
  await copyFile(join(HOSTS_DIR, 'apps', `${spec.app}.tsx`), join(dir, 'src', 'main.tsx'));
  for (const snippet of snippets) await writeFile(join(dir, 'src', 'readme', snippetFileName(snippet)), snippet.code);
}

/**
 * Installs the tarball into a scratch host and writes its sources and README snippets. The host lives in a temp
 * folder outside the repo — inside it, Node, Vite and tsc would find whatever the repo's own node_modules holds
 * (the phone library, msw) and hide a missing peer — while its node_modules is kept in the repo's cache between runs.
 */
export async function prepareHost(spec: HostSpec, tarball: string, readme: readonly ReadmeSnippet[]): Promise<PreparedHost> {
  const cache = join(CACHE_DIR, spec.name);
  const key = inputsKey(await readFile(join(HOSTS_DIR, spec.name, 'package.json'), 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), `threepid-host-${spec.name}-`));
  try {
    const cached = await install(spec, dir, cache, key, tarball);
    const installed = hostPackages(spec);
    const snippets = snippetsForHost(readme, installed);
    await writeSources(spec, dir, snippets);
    return {
      spec,
      dir,
      installed,
      snippets,
      cached,
      async release() {
        await rm(cache, { recursive: true, force: true });
        await mkdir(cache, { recursive: true });
        for (const name of KEPT) await move(join(dir, name), join(cache, name));
        // Written last: a run cut short leaves no stamp, so the next one installs from scratch.
        await writeFile(join(cache, STAMP), key);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
