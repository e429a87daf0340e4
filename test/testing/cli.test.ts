import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/testing/cli';
import { runFakeHomeserverCli } from '../../src/testing';

const root = resolve(import.meta.dirname, '../..');

/** Holds a port on 127.0.0.1, as another program would. */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

describe('parseCliArgs', () => {
  it('should read the port, host and server options', () => {
    expect(parseCliArgs(['--port', '0', '--host=127.0.0.1', '--prefix', '/_api/client/v3', '--no-msisdn', '--no-rate-limit'])).toEqual({
      port: 0,
      host: '127.0.0.1',
      options: { prefix: '/_api/client/v3', msisdnSupported: false, rateLimit: false },
    });
  });

  it('should take a preset and the spec-only behaviours', () => {
    expect(parseCliArgs(['--preset', 'oauth'])).toMatchObject({ options: { preset: 'oauth' } });
    expect(parseCliArgs(['--preset=synapse', '--reset-by-phone', '--token-incorrect-errcode'])).toMatchObject({
      options: { preset: 'synapse', resetByPhone: true, tokenIncorrectStyle: 'errcode' },
    });
    expect(parseCliArgs(['--preset', 'dendrite'])).toMatchObject({ exitCode: 2, message: 'Invalid --preset (synapse or oauth)' });
  });

  it('should serve the OAuth-era server with --preset oauth, saying so', async () => {
    const lines: string[] = [];
    const result = await runFakeHomeserverCli(['--preset', 'oauth', '--port', '0'], { log: (line) => lines.push(line), error: (line) => lines.push(line) });
    if (!('server' in result)) throw new Error('the CLI did not start');
    try {
      expect(lines.some((line) => line.startsWith('Accounts are managed by an OAuth server'))).toBe(true);
      const res = await fetch(`${result.server.url}/_matrix/client/v1/auth_metadata`);
      expect(((await res.json()) as { issuer: string }).issuer).toBe(`${result.server.url}/`);
    } finally {
      await result.server.close();
    }
  });

  it('should default to 127.0.0.1:8008', () => {
    expect(parseCliArgs([])).toMatchObject({ port: 8008, host: '127.0.0.1' });
  });

  it('should refuse unknown options and bad ports with exit code 2', () => {
    expect(parseCliArgs(['--bogus'])).toMatchObject({ exitCode: 2 });
    expect(parseCliArgs(['--port', 'eighty'])).toMatchObject({ exitCode: 2 });
  });

  it('should print the usage and exit 0 for --help', async () => {
    const lines: string[] = [];
    const result = await runFakeHomeserverCli(['--help'], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(result).toEqual({ exitCode: 0 });
    expect(lines.join('\n')).toContain('--port <n>');
  });

  it('should say in one line that the port is taken, and exit 1', async () => {
    const { port, server } = await occupyPort();
    const errors: string[] = [];
    const logs: string[] = [];
    try {
      const result = await runFakeHomeserverCli(['--port', String(port)], { log: (l) => logs.push(l), error: (l) => errors.push(l) });
      expect(result).toEqual({ exitCode: 1 });
    } finally {
      server.close();
    }
    expect(errors).toEqual([`Port ${port} on 127.0.0.1 is already in use: stop what is using it, or pick another with --port (0 = any free port).`]);
    expect(logs).toEqual([]);
  });
});

describe('bin/fake-homeserver.js', () => {
  let dir = '';
  let child: ChildProcess | undefined;
  const output: string[] = [];

  beforeAll(async () => {
    // The bin imports ../dist/testing/index.js: build just that, next to a copy of the bin, outside the repo, where no
    // node_modules (so no msw) can be found: the command must work without msw installed.
    dir = await mkdtemp(join(tmpdir(), 'fake-homeserver-cli-'));
    await mkdir(join(dir, 'bin'));
    await build({
      entryPoints: [join(root, 'src/testing/index.ts')],
      outfile: join(dir, 'dist/testing/index.js'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    await copyFile(join(root, 'bin/fake-homeserver.js'), join(dir, 'bin/fake-homeserver.js'));
  }, 30_000);

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('should listen on the given port, print its URL and the test users, serve requests and stop on SIGTERM, without msw installed', async () => {
    const proc = spawn(process.execPath, [join(dir, 'bin/fake-homeserver.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    await expect.poll(() => output.join(''), { timeout: 10_000 }).toMatch(/Messages the server sends are printed below/);

    const text = output.join('');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] ?? '';
    expect(url).not.toBe('');
    expect(text).toContain('@alice:localhost  password "correct horse"');
    expect(text).toContain('alice@example.org');
    expect(text).toContain('@carol:localhost  SSO only');

    const res = await fetch(`${url}/_matrix/client/v3/account/password/email/requestToken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: 'cli-test', email: 'alice@example.org', send_attempt: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    await expect
      .poll(() => output.join(''), { timeout: 5_000 })
      .toContain(`[email to alice@example.org] reset link: ${url}/_synapse/client/password_reset/email/submit_token?`);

    const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);

  it('should print one line, no stack, and exit non-zero when the port is taken', async () => {
    const { port, server } = await occupyPort();
    const proc = spawn(process.execPath, [join(dir, 'bin/fake-homeserver.js'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => proc.once('exit', (c) => done(c)));
    server.close();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Port ${port} on 127.0.0.1 is already in use: stop what is using it, or pick another with --port (0 = any free port).\n`);
  }, 20_000);
});
