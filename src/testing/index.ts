export { createFakeHomeserver, type FakeHomeserver } from './fakeHomeserver';
export { runFakeHomeserverCli, type CliOutput, type CliResult } from './cli';
export { SEED_USERS } from './seedUsers';
export { PRESETS, type FakePreset } from './presets';
export type * from './types';
