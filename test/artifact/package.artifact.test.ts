import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { optionalWithoutUndefined } from './support/optionalProperties';
import { runOk } from './support/run';

const LIFECYCLE_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];
/** The entries the package API makes React entries; any other entry importing React counts too. */
const REACT_ENTRIES = ['.', './phone'];
const IMPORTS_REACT = /\bfrom\s*["']react(?:-dom)?(?:\/[^"']*)?["']/;

/** Every file path an `exports` value points to, whatever its nesting of conditions. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(targets);
}

/** A target as the files it names: a `*` pattern (`./dist/i18n/locales/*.js`) stands for every file it matches. */
function filesOf(root: string, target: string): string[] {
  if (!target.includes('*')) return [target];
  const slash = target.lastIndexOf('/');
  const [prefix = '', suffix = ''] = target.slice(slash + 1).split('*');
  const dir = target.slice(0, slash);
  const names = existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : [];
  return names.filter((name) => name.startsWith(prefix) && name.endsWith(suffix)).map((name) => `${dir}/${name}`);
}

describe('the packed tarball', () => {
  let root: string;
  let manifest: Record<string, unknown>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threepid-artifact-unpacked-'));
    await runOk('tar', ['-xzf', inject('threepidTarball'), '-C', dir], { cwd: dir });
    root = join(dir, 'package');
    manifest = Object(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')));
  });
  afterAll(async () => {
    if (root) await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('should ship every file its exports and bin point to', () => {
    const files = [...targets(manifest.exports), ...targets(manifest.bin)];
    expect(files.length).toBeGreaterThan(0);
    // A pattern must match at least one file; a plain path must exist.
    expect(files.filter((file) => filesOf(root, file).filter((found) => existsSync(join(root, found))).length === 0)).toEqual([]);
  });

  it('should run no script of its own when a host installs it', () => {
    const scripts = Object.keys(Object(manifest.scripts));
    expect(scripts.filter((name) => LIFECYCLE_SCRIPTS.includes(name))).toEqual([]);
  });

  it('should have every React entry, each starting with "use client"', async () => {
    const entries = Object(manifest.exports) as Record<string, unknown>;
    const unmarked = REACT_ENTRIES.filter((entry) => !(entry in entries)).map((entry) => `${entry} (missing)`);
    for (const [entry, value] of Object.entries(entries)) {
      for (const file of targets(value).flatMap((target) => filesOf(root, target)).filter((target) => target.endsWith('.js'))) {
        const code = await readFile(join(root, file), 'utf8');
        const isReact = REACT_ENTRIES.includes(entry) || IMPORTS_REACT.test(code);
        if (isReact && !/^\s*["']use client["'];?/.test(code)) unmarked.push(`${entry} (${file})`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it("should let every optional property it declares take undefined, for hosts with 'exactOptionalPropertyTypes'", async () => {
    const declarations = readdirSync(join(root, 'dist'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(declarations.length).toBeGreaterThan(20);
    const strict: string[] = [];
    for (const file of declarations) {
      for (const found of optionalWithoutUndefined(file, await readFile(file, 'utf8'))) strict.push(`${file.slice(root.length + 1)}:${found}`);
    }
    expect(strict).toEqual([]);
  });
});
