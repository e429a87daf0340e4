import { Faults } from './faults';
import { Inbox } from './inbox';
import type { ResolvedOptions } from './options';
import { serverPaths, type ServerPaths } from './paths';
import { RateLimiter } from './rateLimit';
import { RequestLog } from './requestLog';
import { ValidationSessions } from './sessions';
import { UiaSessions } from './uia';
import { UserStore } from './users';

/** Everything the routes share: options, accounts, sessions, mailbox, logs. */
export interface ServerState {
  options: ResolvedOptions;
  paths: ServerPaths;
  users: UserStore;
  sessions: ValidationSessions;
  uia: UiaSessions;
  inbox: Inbox;
  limiter: RateLimiter;
  faults: Faults;
  requests: RequestLog;
  /** Origin used in links and submit_urls: the listening URL while listening, else `baseUrl`. */
  publicBase: string;
}

/** Creates the state, seeded with the configured accounts. */
export function createState(options: ResolvedOptions): ServerState {
  const state: ServerState = {
    options,
    paths: serverPaths(options.prefix),
    users: new UserStore(options.serverName, options.now),
    sessions: new ValidationSessions(),
    uia: new UiaSessions(),
    inbox: new Inbox(),
    limiter: new RateLimiter(options.rateLimit, options.now),
    faults: new Faults(),
    requests: new RequestLog(),
    publicBase: options.baseUrl,
  };
  seed(state);
  return state;
}

/** Back to the initial state; the mailbox keeps its subscribers and a listening server keeps its URL. */
export function resetState(state: ServerState): void {
  state.users.clear();
  state.sessions.clear();
  state.uia.clear();
  state.inbox.clear();
  state.limiter.clear();
  state.faults.clear();
  state.requests.clear();
  seed(state);
}

function seed(state: ServerState): void {
  for (const init of state.options.users) state.users.addUser(init);
}
