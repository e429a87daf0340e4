import { createCore } from './core';
import { followLink } from './followLink';
import { listenNode } from './nodeServer';
import { resolveOptions } from './options';
import { buildRoutes } from './router';
import { completeFallbackStage } from './routes/fallback';
import { createState, resetState } from './state';
import type {
  FakeFaults,
  FakeHomeserverOptions,
  FakeInbox,
  FakeRequestLog,
  FakeUsers,
  FollowLinkResult,
  ListeningServer,
  ListenOptions,
} from './types';

/** A fake Matrix homeserver for the 3PID endpoints, behaving like Synapse (or Synapse + MAS: preset `oauth`). */
export interface FakeHomeserver {
  /**
   * fetch-compatible entry point: pass it as the protocol client's `fetch` option (no network involved). For msw,
   * `createMswHandlers` from `matrix-threepid-kit/testing/msw`.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Serves the same homeserver over HTTP (Node only), with CORS like Synapse. Links then use its URL. */
  listen(options?: ListenOptions): Promise<ListeningServer>;
  /** The emails and SMS the server "sent". */
  readonly inbox: FakeInbox;
  /** The accounts, with their passwords, 3PIDs and access tokens. */
  readonly users: FakeUsers;
  /** Every request received (secrets redacted). */
  readonly requests: FakeRequestLog;
  /** Latency, errors, network failures and hangs on demand. */
  readonly faults: FakeFaults;
  /** What a person's browser does with an emailed link (for reset: open the page and press its button). */
  followLink(link: string): Promise<FollowLinkResult>;
  /** What a person does on the SSO fallback page: completes `m.login.sso` in a UIA session. False if unknown. */
  completeFallback(session: string): boolean;
  /** Back to the initial state: seed accounts only, empty inbox, log, sessions, rate limits and faults. */
  reset(): void;
  /** Origin in links and submit_urls: the listening URL while listening, else the `baseUrl` option. */
  readonly baseUrl: string;
  /** The API prefix served, e.g. `/_matrix/client/v3`. */
  readonly prefix: string;
}

/** Creates a fake homeserver; see FakeHomeserverOptions for what can be configured (all optional). */
export function createFakeHomeserver(options?: FakeHomeserverOptions): FakeHomeserver {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const core = createCore(state, buildRoutes(state.paths, !!resolved.authService));

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    core(new Request(input, init), { clientKey: 'fetch' });

  return {
    fetch: fakeFetch,
    async listen(listenOptions) {
      const server = await listenNode(core, listenOptions);
      state.publicBase = server.url;
      return {
        url: server.url,
        async close() {
          await server.close();
          if (state.publicBase === server.url) state.publicBase = resolved.baseUrl;
        },
      };
    },
    inbox: state.inbox,
    users: state.users,
    requests: state.requests,
    faults: state.faults,
    followLink: (link) => followLink(core, link),
    completeFallback: (session) => completeFallbackStage(state, session),
    reset: () => resetState(state),
    get baseUrl() {
      return state.publicBase;
    },
    prefix: resolved.prefix,
  };
}
