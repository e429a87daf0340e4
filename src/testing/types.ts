import type { Medium, Purpose, Threepid } from '../protocol/types';

/** Endpoints a fault can target; `*` targets every request. */
export type FaultEndpoint =
  | 'requestToken'
  | 'submitToken'
  | 'threepidAdd'
  | 'threepidDelete'
  | 'threepids'
  | 'password'
  | 'register'
  | 'capabilities'
  | 'whoami'
  | 'login'
  | 'link'
  | 'fallback'
  | 'authMetadata'
  | 'wellKnown'
  | '*';

/** Name of the endpoint a request was routed to, as recorded in the request log. */
export type EndpointName = Exclude<FaultEndpoint, '*'> | 'versions' | 'preflight' | 'unrecognized';

/** What an injected fault does to the request it hits. */
export type FaultKind =
  | 'latency'
  | 'status500'
  | 'html502'
  | 'malformedJson'
  | 'networkError'
  | 'hang'
  | 'rateLimit'
  | 'matrixError';

interface FaultBase {
  /** Which endpoint the fault hits. */
  endpoint: FaultEndpoint;
  /** How many matching requests it hits; default 1, `Infinity` until `faults.clear()`. */
  times?: number | undefined;
}

/** A fault to inject: the next `times` requests to `endpoint` misbehave as `kind` says. */
export type FaultSpec =
  | (FaultBase & { kind: 'latency'; ms: number })
  | (FaultBase & { kind: 'rateLimit'; retryAfterMs?: number | undefined })
  | (FaultBase & { kind: 'matrixError'; status: number; errcode: string; error?: string | undefined })
  | (FaultBase & { kind: 'status500' | 'html502' | 'malformedJson' | 'networkError' | 'hang' });

/** A message the fake homeserver "sent" by email or SMS. */
export interface InboxMessage {
  /** Canonical address: lower-cased email, or MSISDN digits without `+`. */
  to: string;
  medium: Medium;
  kind: Purpose;
  /** The token in the message: a 6-digit code for submit_url flows, the link's token otherwise. */
  token: string;
  /** The link to follow; only for email without submit_url. */
  link?: string | undefined;
  /** The validation session the message belongs to. */
  sid: string;
  sentAt: number;
}

/** One request the fake received, with secrets replaced by `[redacted]`. */
export interface RequestLogEntry {
  method: string;
  /** Path only: the query of a link carries its token and client_secret. */
  path: string;
  endpoint: EndpointName;
  body: unknown;
  /** HTTP status answered; 0 when no answer was sent (network error, hang). */
  status: number;
  /** Set when an injected fault answered instead of the homeserver. */
  fault?: FaultKind | undefined;
}

/** Filter for `requests.count()`: every given field must match. */
export interface RequestFilter {
  method?: string | undefined;
  path?: string | RegExp | undefined;
  endpoint?: EndpointName | undefined;
  status?: number | undefined;
}

/** One request/response pair, raw (secrets included), for conformance checks such as a spec validator. */
export interface Exchange {
  method: string;
  url: string;
  endpoint: EndpointName;
  requestContentType: string | undefined;
  /** Parsed JSON or form body; the raw text when it did not parse; undefined when empty. */
  requestBody: unknown;
  status: number;
  responseContentType: string | undefined;
  /** Parsed JSON body; the raw text for non-JSON answers; undefined when empty. */
  responseBody: unknown;
  /** Set when an injected fault answered instead of the homeserver. */
  fault?: FaultKind | undefined;
}

/** A capability value: enabled, disabled, or left out of the `/capabilities` answer. */
export type CapabilitySetting = boolean | 'absent';

/** The OAuth 2.0 server an OAuth-era homeserver delegates accounts to (Matrix Authentication Service). */
export interface FakeAuthService {
  /** Issuer; default the homeserver's own origin with `/`. */
  issuer?: string | undefined;
  /** Account page; default `{issuer}account/`. */
  accountManagementUri?: string | undefined;
  /** `account_management_actions_supported`; default MAS's list (with `org.matrix.profile`). */
  actions?: string[] | undefined;
  /**
   * Where the server says so: `stable` (`/_matrix/client/v1/auth_metadata`, and the unstable path too), `unstable`
   * (only MSC2965's path, with MSC4191's prefixed field names) or `wellKnown` (only `org.matrix.msc2965.authentication`
   * in `/.well-known/matrix/client`). Default `stable`.
   */
  discovery?: 'stable' | 'unstable' | 'wellKnown' | undefined;
}

/** Options of `createFakeHomeserver`; every one is optional. */
export interface FakeHomeserverOptions {
  /** The server to model, before the options below: `synapse` (default) or `oauth` (Synapse + MAS); see PRESETS. */
  preset?: 'synapse' | 'oauth' | undefined;
  /** Accounts live on this OAuth server: legacy 3PID/password endpoints are gone (M_UNRECOGNIZED). Set by preset `oauth`. */
  authService?: FakeAuthService | undefined;
  /** Origin used for links and as the msw match base while not listening; default `http://localhost:8008`. */
  baseUrl?: string | undefined;
  /** Client-server API prefix; default `/_matrix/client/v3`. */
  prefix?: string | undefined;
  /** Server name in user IDs; default `localhost`. */
  serverName?: string | undefined;
  /** Email requestToken returns a `submit_url` and mails a 6-digit code instead of a link; default false. */
  emailSubmitUrl?: boolean | undefined;
  /** When false, phone requestToken fails like Synapse without an SMS delegate; default true. */
  msisdnSupported?: boolean | undefined;
  /** Offer reset by phone (spec only; Synapse has refused it since 2019 with M_UNRECOGNIZED); default false. */
  resetByPhone?: boolean | undefined;
  /**
   * How submit_url refuses a code: `synapse` (default: 400 M_UNKNOWN "Error contacting the identity server" for any
   * refusal, as Synapse proxies Sydent), or the spec's 200 `{ success: false }` / v1.18's 400 `M_TOKEN_INCORRECT`.
   */
  tokenIncorrectStyle?: 'synapse' | 'success-false' | 'errcode' | undefined;
  /** Lifetime of an emailed/texted token; default 3 600 000 (1 h). */
  tokenLifetimeMs?: number | undefined;
  /** Hide in-use / not-found behind a fake sid that never validates (Synapse `request_token_inhibit_3pid_errors`). */
  inhibitThreepidErrors?: boolean | undefined;
  /** What `/capabilities` says; both enabled by default. Disabled also makes the endpoints refuse. */
  capabilities?: { threepidChanges?: CapabilitySetting | undefined; changePassword?: CapabilitySetting | undefined } | undefined;
  /** Password rule for M_WEAK_PASSWORD; default: fewer than 8 characters is weak. */
  weakPassword?: ((password: string) => boolean) | undefined;
  /** Which addresses requestToken accepts; refused ones get 403 M_THREEPID_DENIED. Default: all. */
  threepidAllowed?: ((medium: Medium, address: string) => boolean) | undefined;
  /** requestToken rate limit per address and per client; default `{ burst: 5, refillMs: 300_000 }`. */
  rateLimit?: { burst?: number | undefined; refillMs?: number | undefined } | false | undefined;
  /** Clock for token expiry, rate limits and timestamps; default `Date.now`. */
  now?: (() => number) | undefined;
  /** Delay before every answer, in ms; default 0. */
  latencyMs?: number | undefined;
  /** Called after every answer with the raw exchange (plug a spec validator in here). */
  onExchange?: ((exchange: Exchange) => void) | undefined;
  /** Accounts present at start and after `reset()`; default the seed users (`@alice:localhost` …). */
  users?: FakeUserInit[] | undefined;
  /** How `POST /register` signs people up (its UIA flows, like Synapse's settings); default: email optional. */
  registration?: FakeRegistrationOptions | undefined;
}

/** Sign-up settings, named after Synapse's; the UIA flows follow from them as Synapse builds its own. */
export interface FakeRegistrationOptions {
  /** false: sign-up is disabled (403 M_FORBIDDEN), like `enable_registration: false`. Default true. */
  enabled?: boolean | undefined;
  /** The 3PIDs every account must prove (`registrations_require_3pid`); default none, so `m.login.dummy` is offered. */
  require3pid?: Medium[] | undefined;
  /** Offer phone sign-up (`m.login.msisdn`); default `msisdnSupported`. */
  msisdn?: boolean | undefined;
  /** Valid registration tokens: when set, every flow starts with `m.login.registration_token` (`registration_requires_token`). */
  tokens?: string[] | undefined;
}

/** An account to create. Phones are E.164 (`+447700900001`) or MSISDN digits. */
export interface FakeUserInit {
  /** Full user ID or localpart. */
  userId: string;
  /** Omit for an account without a password (SSO only). */
  password?: string | undefined;
  emails?: string[] | undefined;
  phones?: string[] | undefined;
  /** UIA offers only `m.login.sso` (completed through the fallback page) for this user. */
  sso?: boolean | undefined;
  /** Access token of the account's first device; random when omitted. */
  accessToken?: string | undefined;
}

/** An account of the fake homeserver (a live view: it changes as requests change the account). */
export interface FakeUser {
  readonly userId: string;
  readonly password: string | undefined;
  readonly sso: boolean;
  readonly threepids: readonly Threepid[];
  /** Access token of the account's first device (invalid once revoked by `logout_devices`). */
  readonly accessToken: string;
  readonly deviceId: string;
}

/** The accounts of the fake homeserver. */
export interface FakeUsers {
  /** Creates an account and returns it with its access token. Throws when the user ID or a 3PID is taken. */
  addUser(init: FakeUserInit): FakeUser;
  /** The account with this user ID (or localpart). */
  get(userId: string): FakeUser | undefined;
  /** Every account. */
  all(): FakeUser[];
  /** The account a 3PID belongs to (address in any usual notation). */
  findByThreepid(medium: Medium, address: string): FakeUser | undefined;
  /** Logs the account in on a new device and returns the new access token. */
  login(userId: string): string;
  /** True while the access token is valid. */
  isTokenValid(accessToken: string): boolean;
}

/** The mailbox and SMS log of the fake homeserver. */
export interface FakeInbox {
  /** Every message, oldest first. */
  all(): InboxMessage[];
  /** The newest message to this address (email any case, phone in any usual notation). */
  latest(address: string): InboxMessage | undefined;
  clear(): void;
  /** Calls `listener` for each new message; returns the unsubscribe function. */
  subscribe(listener: (message: InboxMessage) => void): () => void;
}

/** The request log: an array of entries plus counting helpers. */
export interface FakeRequestLog extends ReadonlyArray<RequestLogEntry> {
  /** Number of entries matching the filter (a field filter or a predicate); all entries without one. */
  count(filter?: RequestFilter | ((entry: RequestLogEntry) => boolean)): number;
  clear(): void;
}

/** Fault injection. */
export interface FakeFaults {
  /** Adds a fault; returns a function that removes it. */
  inject(fault: FaultSpec): () => void;
  /** Removes every fault. */
  clear(): void;
}

/** What `followLink` observed: the last HTTP status and whether it was a success. */
export interface FollowLinkResult {
  ok: boolean;
  status: number;
}

/** A running HTTP server. */
export interface ListeningServer {
  /** Origin of the server, e.g. `http://127.0.0.1:38211`. */
  url: string;
  close(): Promise<void>;
}

/** Options of `listen()`. */
export interface ListenOptions {
  /** Default 0: the system picks a free port. */
  port?: number | undefined;
  /** Default `127.0.0.1`. */
  host?: string | undefined;
}
