import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One message the CLI printed as sent (its mailbox lines). */
export interface CliMessage {
  channel: 'email' | 'sms';
  to: string;
  kind: string;
  link?: string;
  code?: string;
}

/** The tarball's `matrix-threepid-fake-homeserver`, running as its own process on 127.0.0.1. */
export interface RunningCli {
  /** Origin it listens on, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The access token it prints for a seed user. */
  accessTokenOf(userId: string): Promise<string>;
  /** The first message to `to` it printed and the test has not taken yet (waiting for it if need be). */
  nextMessage(to: string): Promise<CliMessage>;
  close(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const USER = /^\s*(@\S+).*access token: (\S+)\s*$/;
const MESSAGE = /^\[(email|sms) to (\S+)\] (\S+) (link|code): (\S+)\s*$/;

function parseMessage(line: string): CliMessage | undefined {
  const match = MESSAGE.exec(line);
  if (!match) return undefined;
  const [, channel, to = '', kind = '', what, value = ''] = match;
  return { channel: channel === 'sms' ? 'sms' : 'email', to, kind, ...(what === 'link' ? { link: value } : { code: value }) };
}

/** The path of the installed package's fake-homeserver bin, read from its package.json like npm would. */
async function binPath(hostDir: string): Promise<string> {
  const root = join(hostDir, 'node_modules', 'matrix-threepid-kit');
  const manifest: unknown = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const bin: unknown = Reflect.get(Object(Reflect.get(Object(manifest), 'bin')), 'matrix-threepid-fake-homeserver');
  if (typeof bin !== 'string') throw new Error('the package declares no matrix-threepid-fake-homeserver bin');
  return join(root, bin);
}

/**
 * Starts `node <host>/node_modules/matrix-threepid-kit/<bin> --port 0` (one process, stopped by its PID) and reads
 * its URL, seed tokens and mailbox from what it prints — the way a developer uses it.
 */
export async function startCli(hostDir: string): Promise<RunningCli> {
  const child = spawn(process.execPath, [await binPath(hostDir), '--port', '0'], { cwd: hostDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let pending = '';
  let exited = false;
  const lines: string[] = [];
  const taken = new Set<number>();
  const checks = new Set<() => void>();
  const recheck = (): void => checks.forEach((check) => check());

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    recheck();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      recheck();
      done();
    }),
  );

  // Resolves with what `find` finds in the output so far, or once a later line has it; fails if the CLI exits first.
  const until = <T>(what: string, find: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined && !exited) return;
        checks.delete(check);
        if (found === undefined) reject(new Error(`the fake homeserver CLI exited before printing ${what}:\n${output}`));
        else resolve(found);
      };
      checks.add(check);
      check();
    });
  const firstMatch = (pattern: RegExp): RegExpExecArray | undefined =>
    lines.map((line) => pattern.exec(line)).find((match) => match !== null) ?? undefined;

  const url = await until('its URL', () => firstMatch(LISTENING)?.[1]);
  return {
    url,
    accessTokenOf: (userId) =>
      until(`an access token for ${userId}`, () =>
        lines.map((line) => USER.exec(line)).find((match) => match?.[1] === userId)?.[2],
      ),
    nextMessage: (to) =>
      until(`a message to ${to}`, () => {
        const index = lines.findIndex((line, i) => !taken.has(i) && parseMessage(line)?.to === to);
        if (index < 0) return undefined;
        taken.add(index);
        return parseMessage(lines[index] ?? '');
      }),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exit;
    },
  };
}
