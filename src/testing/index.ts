export { createFakeHomeserver, type FakeHomeserver } from './fakeHomeserver';
export { runFakeHomeserverCli, type CliOutput, type CliResult } from './cli';
export { SEED_USERS } from './seedUsers';
export type * from './types';
