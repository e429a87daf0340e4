import { createFakeHomeserver, type FakeHomeserver } from './fakeHomeserver';
import type { FakeHomeserverOptions, InboxMessage, ListeningServer } from './types';

/** Where the CLI writes (the console by default). */
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** A running CLI server, or the exit code when it did not start (help, bad arguments). */
export type CliResult = { hs: FakeHomeserver; server: ListeningServer } | { exitCode: number };

const USAGE = `Usage: matrix-threepid-fake-homeserver [options]

  --preset <name>            synapse (default: Synapse + Sydent) or oauth (Synapse + Matrix Authentication Service)
  --port <n>                 port to listen on (default 8008; 0 = any free port)
  --host <addr>              address to bind (default 127.0.0.1)
  --prefix <path>            client API prefix (default /_matrix/client/v3)
  --server-name <name>       server name in user IDs (default localhost)
  --email-submit-url         email requestToken returns a submit_url and mails a code
  --no-msisdn                answer phone requests like Synapse without an SMS provider
  --reset-by-phone           offer reset by phone (spec only: Synapse refuses it)
  --no-reset-by-phone        account/password/msisdn/requestToken is unknown, like Synapse (the default)
  --inhibit-threepid-errors  hide in-use / not-found behind a fake sid
  --token-incorrect-errcode  a wrong code is 400 M_TOKEN_INCORRECT (spec v1.18) instead of Synapse's 400 M_UNKNOWN
  --no-rate-limit            no requestToken rate limit
  --latency <ms>             delay every answer
  --help                     show this help`;

type Parsed = { options: FakeHomeserverOptions; port: number; host: string } | { exitCode: number; message?: string | undefined };

/** Parses the command line; exported for tests. */
export function parseCliArgs(argv: readonly string[]): Parsed {
  const options: FakeHomeserverOptions = {};
  let port = 8008;
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { exitCode: 0 };
      case '--preset': {
        const v = value();
        if (v !== 'synapse' && v !== 'oauth') return { exitCode: 2, message: 'Invalid --preset (synapse or oauth)' };
        options.preset = v;
        break;
      }
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) return { exitCode: 2, message: 'Invalid --port' };
        port = n;
        break;
      }
      case '--host': {
        const v = value();
        if (!v) return { exitCode: 2, message: 'Missing value for --host' };
        host = v;
        break;
      }
      case '--prefix': {
        const v = value();
        if (!v) return { exitCode: 2, message: 'Missing value for --prefix' };
        options.prefix = v;
        break;
      }
      case '--server-name': {
        const v = value();
        if (!v) return { exitCode: 2, message: 'Missing value for --server-name' };
        options.serverName = v;
        break;
      }
      case '--latency': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 0) return { exitCode: 2, message: 'Invalid --latency' };
        options.latencyMs = n;
        break;
      }
      case '--email-submit-url':
        options.emailSubmitUrl = true;
        break;
      case '--no-msisdn':
        options.msisdnSupported = false;
        break;
      case '--reset-by-phone':
        options.resetByPhone = true;
        break;
      case '--no-reset-by-phone':
        options.resetByPhone = false;
        break;
      case '--inhibit-threepid-errors':
        options.inhibitThreepidErrors = true;
        break;
      case '--token-incorrect-errcode':
        options.tokenIncorrectStyle = 'errcode';
        break;
      case '--no-rate-limit':
        options.rateLimit = false;
        break;
      default:
        return { exitCode: 2, message: `Unknown option ${flag}` };
    }
  }
  return { options, port, host };
}

function describeMessage(message: InboxMessage): string {
  const channel = message.medium === 'email' ? 'email' : 'sms';
  const what = message.link ? `link: ${message.link}` : `code: ${message.token}`;
  return `[${channel} to ${message.to}] ${message.kind} ${what}`;
}

/** One line on why the server could not listen. */
function listenFailure(error: unknown, host: string, port: number): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return `Port ${port} on ${host} is already in use: stop what is using it, or pick another with --port (0 = any free port).`;
  if (code === 'EACCES') return `Not allowed to listen on ${where}: pick a port above 1023 with --port.`;
  if (code === 'EADDRNOTAVAIL') return `Cannot listen on ${where}: this machine has no address ${host} (try --host 127.0.0.1).`;
  return `Cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The `matrix-threepid-fake-homeserver` command: listens, prints its URL and the test accounts, then prints
 * every message it "sends" — this output is the mailbox a developer reads the links and codes from.
 */
export async function runFakeHomeserverCli(argv: readonly string[], out: CliOutput = console): Promise<CliResult> {
  const parsed = parseCliArgs(argv);
  if ('exitCode' in parsed) {
    if (parsed.message) out.error(parsed.message);
    if (parsed.exitCode === 0) out.log(USAGE);
    else out.error(USAGE);
    return { exitCode: parsed.exitCode };
  }
  const hs = createFakeHomeserver({
    ...parsed.options,
    baseUrl: `http://${parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host}:${parsed.port}`,
  });
  let server: ListeningServer;
  try {
    server = await hs.listen({ port: parsed.port, host: parsed.host });
  } catch (error) {
    // A person reads this, not a stack trace: say what is wrong and what to do.
    out.error(listenFailure(error, parsed.host, parsed.port));
    return { exitCode: 1 };
  }
  out.log(`Fake Matrix homeserver listening on ${server.url}`);
  out.log(`Client API prefix: ${hs.prefix}`);
  if (parsed.options.preset === 'oauth') out.log(`Accounts are managed by an OAuth server: ${server.url}/ (legacy 3PID endpoints answer M_UNRECOGNIZED)`);
  out.log('Test users:');
  for (const user of hs.users.all()) {
    const auth = user.sso ? 'SSO only (UIA via fallback page)' : `password "${user.password ?? ''}"`;
    const threepids = user.threepids.map((t) => (t.medium === 'email' ? t.address : `+${t.address}`)).join(', ');
    out.log(`  ${user.userId}  ${auth}  3PIDs: ${threepids || 'none'}  access token: ${user.accessToken}`);
  }
  out.log('Messages the server sends are printed below.');
  hs.inbox.subscribe((message) => out.log(describeMessage(message)));
  return { hs, server };
}
