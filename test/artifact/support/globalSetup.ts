import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAndPack } from './pack';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the tarball `npm pack` made for this run, shared by every artifact test file. */
    threepidTarball: string;
  }
}

/**
 * artifact project setup: build and pack once per run; every scratch host installs this one tarball.
 * `THREEPID_ARTIFACT_TARBALL=<path>` checks that tarball instead (e.g. one built from another commit).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.THREEPID_ARTIFACT_TARBALL;
  if (given) {
    project.provide('threepidTarball', resolve(given));
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'threepid-artifact-pack-'));
  try {
    project.provide('threepidTarball', await buildAndPack(dir));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return () => rm(dir, { recursive: true, force: true });
}
