import { spawn, type ChildProcess } from 'node:child_process';
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
  /** Access token it printed for a seed user. */
  accessTokenOf(userId: string): string;
  /** The next message to `to` printed from now on, or one already printed and not yet taken. */
  nextMessage(to: string): Promise<CliMessage>;
  /** Everything it printed (stdout and stderr). */
  output(): string;
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
  const child: ChildProcess = spawn(process.execPath, [await binPath(hostDir), '--port', '0'], {
    cwd: hostDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let pending = '';
  const tokens = new Map<string, string>();
  const inbox: CliMessage[] = [];
  const waiters: Array<{ to: string; deliver(message: CliMessage): void }> = [];
  let url: string | undefined;
  let onUrl: ((error?: Error) => void) | undefined;

  const deliver = (message: CliMessage): void => {
    const waiter = waiters.findIndex((w) => w.to === message.to);
    if (waiter >= 0) waiters.splice(waiter, 1)[0]?.deliver(message);
    else inbox.push(message);
  };
  const onLine = (line: string): void => {
    const listening = LISTENING.exec(line);
    if (listening && !url) {
      url = listening[1];
      onUrl?.();
    }
    const user = USER.exec(line);
    if (user?.[1] && user[2]) tokens.set(user[1], user[2]);
    const message = parseMessage(line);
    if (message) deliver(message);
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  await new Promise<void>((resolve, reject) => {
    onUrl = (error) => (error ? reject(error) : resolve());
    if (url) resolve();
    void exited.then(() => reject(new Error(`the fake homeserver CLI exited before listening:\n${text}`)));
  });
  const origin = url ?? '';
  return {
    url: origin,
    accessTokenOf(userId) {
      const token = tokens.get(userId);
      if (!token) throw new Error(`the CLI printed no access token for ${userId}:\n${text}`);
      return token;
    },
    nextMessage(to) {
      const [taken] = inbox.splice(inbox.findIndex((message) => message.to === to) >>> 0, 1);
      if (taken) return Promise.resolve(taken);
      return new Promise((resolve) => waiters.push({ to, deliver: resolve }));
    },
    output: () => text,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
