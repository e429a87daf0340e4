import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for `run`. */
export interface RunOptions {
  cwd: string;
  /** Kill the command after this long (it then counts as failed). */
  timeoutMs?: number;
}

// A command started from `npm test` inherits npm's own `npm_*` variables (the repo's prefix, its package fields);
// a host's npm must read only its own folder, as on a developer's machine.
function hostEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

/** Runs a command to its end and resolves with its output, whatever its exit code. */
export function run(command: string, args: readonly string[], { cwd, timeoutMs = 600_000 }: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: hostEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command and throws, with its output, unless it exits 0. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.code)} in ${options.cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
