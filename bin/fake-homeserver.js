#!/usr/bin/env node
// `npx matrix-threepid-fake-homeserver --port 8008`: the fake homeserver of matrix-threepid-kit/testing over HTTP.
import { runFakeHomeserverCli } from '../dist/testing/index.js';

const result = await runFakeHomeserverCli(process.argv.slice(2));
if ('exitCode' in result) {
  process.exitCode = result.exitCode;
} else {
  const stop = () => {
    result.server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
