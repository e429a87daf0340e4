import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildDemo } from './demoBuild';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the demo build shared by every e2e test file of the run. */
    threepidDemoDir: string;
  }
}

/** e2e project setup: build the demo once per run (test files run isolated and would each build it otherwise). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await buildDemo();
  project.provide('threepidDemoDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
