/** Kind of third-party identifier: an email address or a phone number (MSISDN). */
export type Medium = 'email' | 'msisdn';

/** Why a token is requested: add to the account, reset the password, or register. */
export type Purpose = 'add' | 'reset' | 'register';

/** Parameters of an email requestToken call. */
export interface EmailTokenParams {
  medium: 'email';
  email: string;
  clientSecret: string;
  sendAttempt: number;
  nextLink?: string | undefined;
}

/** Parameters of a phone (msisdn) requestToken call. `country` is the ISO-3166-1 alpha-2 code the number is dialled from. */
export interface MsisdnTokenParams {
  medium: 'msisdn';
  country: string;
  phoneNumber: string;
  clientSecret: string;
  sendAttempt: number;
  nextLink?: string | undefined;
}

/** Parameters of any requestToken call. */
export type RequestTokenParams = EmailTokenParams | MsisdnTokenParams;

/** What the homeserver answers to requestToken. No `submitUrl` means the person follows a link instead. */
export interface RequestTokenResult {
  sid: string;
  submitUrl?: string | undefined;
}

/** The credentials that identify one validation session. */
export interface ThreepidCreds {
  sid: string;
  clientSecret: string;
}

/** A User-Interactive Auth dictionary, sent as `auth` (already in wire format, snake_case). */
export interface AuthDict {
  type?: string | undefined;
  session?: string | undefined;
  [key: string]: unknown;
}

/** One UIA flow: the stages to complete, in order. */
export interface UiaFlow {
  stages: string[];
}

/** The UIA body of a 401 answer. */
export interface UiaInfo {
  flows: UiaFlow[];
  params: Record<string, unknown>;
  session?: string | undefined;
  completed: string[];
}

/** Parameters of `/account/password`. */
export interface ChangePasswordParams {
  newPassword?: string | undefined;
  logoutDevices?: boolean | undefined;
  auth?: AuthDict | undefined;
}

/** A third-party identifier bound to the account. */
export interface Threepid {
  medium: Medium;
  address: string;
  validatedAt: number;
  addedAt: number;
}

/** What the server allows; a capability it does not mention is allowed. */
export interface Capabilities {
  threepidChanges: boolean;
  changePassword: boolean;
}

/** What an OAuth-era homeserver (spec v1.15+, MSC2965) says about the server that owns its accounts. */
export interface AuthMetadata {
  /** The OAuth 2.0 issuer, e.g. `https://account.example.org/`. */
  issuer: string;
  /** The account page where the person changes email, phone and password (http/https only). */
  accountManagementUri?: string | undefined;
  /** The `action` values the account page accepts (MSC4191), e.g. `org.matrix.profile`. */
  accountManagementActions: string[];
}

/** Options of `createThreepidClient`. */
export interface ThreepidClientOptions {
  /** Homeserver base URL, e.g. `https://matrix.example.org`. */
  baseUrl: string;
  /** Access token, or a function returning one (sync or async), for authenticated endpoints. */
  accessToken?: (string | (() => string | undefined | Promise<string | undefined>)) | undefined;
  /** API prefix; default `/_matrix/client/v3`. */
  prefix?: string | undefined;
  /** fetch implementation; default the global one. */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout in ms; default 30 000. */
  timeoutMs?: number | undefined;
}

/** The protocol client: one method per endpoint the kit needs. Every method throws only MatrixApiError or ThreepidNetworkError. */
export interface ThreepidClient {
  requestToken(purpose: Purpose, params: RequestTokenParams, signal?: AbortSignal): Promise<RequestTokenResult>;
  submitToken(submitUrl: string, params: ThreepidCreds & { token: string }, signal?: AbortSignal): Promise<void>;
  addThreepid(creds: ThreepidCreds, auth?: AuthDict, signal?: AbortSignal): Promise<void>;
  changePassword(params: ChangePasswordParams, signal?: AbortSignal): Promise<void>;
  getThreepids(signal?: AbortSignal): Promise<Threepid[]>;
  deleteThreepid(medium: Medium, address: string, signal?: AbortSignal): Promise<void>;
  getCapabilities(signal?: AbortSignal): Promise<Capabilities>;
  whoami(signal?: AbortSignal): Promise<{ userId: string }>;
  fallbackAuthUrl(stageType: string, session: string): string;
  /**
   * The OAuth server the homeserver delegates accounts to, or null for a legacy server. Read once per client and
   * kept; never rejects but when aborted. Optional so a host's own client keeps working: absent means legacy.
   */
  getAuthMetadata?: ((signal?: AbortSignal) => Promise<AuthMetadata | null>) | undefined;
}
