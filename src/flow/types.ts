import type { Capabilities, Medium, Threepid, UiaInfo } from '../protocol/types';

/** What the flow is for: add the address to the account, reset the password with it, or prove it while signing up. */
export type FlowPurpose = 'add' | 'reset' | 'register';

/** When a reset flow asks for the new password: before sending the email/SMS, or once the link/code is done. */
export type PasswordStep = 'before-link' | 'after-link';

/** The screen the person is on. */
export type FlowStep =
  | 'checking' // reading the server's capabilities (add flows)
  | 'unavailable' // the server cannot do this; nothing to type
  | 'enterAddress'
  | 'choosePassword' // reset only
  | 'requesting'
  | 'awaitingCode'
  | 'awaitingLink'
  | 'submittingCode'
  | 'completing'
  | 'authenticating' // add only: User-Interactive Auth
  | 'accountManagement' // an OAuth-era server: the change is made on its account page, not here
  | 'done';

/** Why a flow cannot be used on this server. */
export type UnavailableReason = 'threepidChangesDisabled' | 'passwordChangeDisabled' | 'mediumNotSupported' | 'notOffered';

/** Every failure a person can meet, by what it means for them. */
export type FlowErrorKind =
  | 'threepidInUse'
  | 'threepidNotFound'
  | 'threepidDenied'
  | 'mediumNotSupported'
  | 'invalidAddress'
  | 'serverNotTrusted'
  | 'rateLimited'
  | 'notYetValidated'
  | 'invalidCode'
  | 'sessionExpired'
  | 'wrongPassword'
  | 'weakPassword'
  | 'notOffered'
  | 'forbidden'
  | 'loggedOut'
  | 'authCancelled'
  | 'popupBlocked'
  | 'invalidSubmitUrl'
  | 'hiddenCharacters'
  | 'authLoop'
  | 'misconfigured'
  | 'userLocked'
  | 'userSuspended'
  | 'userLimitExceeded'
  | 'offline'
  | 'timeout'
  | 'server'
  | 'unknown';

/** A failure as the flow keeps it: typed, serialisable, without secrets. */
export interface FlowError {
  kind: FlowErrorKind;
  status?: number | undefined;
  errcode?: string | undefined;
  /** The server's own text; shown only when the kit has no message of its own. */
  serverMessage?: string | undefined;
  retryAfterMs?: number | undefined;
  /** `misconfigured`: the host's prop at fault (e.g. `nextLink`, `phoneForm`); nothing was sent. */
  prop?: string | undefined;
}

/** One validation session with the homeserver: what requestToken started. */
export interface ValidationSession {
  medium: Medium;
  /** Email address, or the phone number in E.164 (`+4479…`). */
  address: string;
  /** ISO-3166 alpha-2 country the phone number is dialled from (msisdn only). */
  country?: string | undefined;
  /** National number sent as `phone_number` (msisdn only). */
  phoneNumber?: string | undefined;
  clientSecret: string;
  /** Set once the server answered requestToken. */
  sid?: string | undefined;
  sendAttempt: number;
  submitUrl?: string | undefined;
  /** Epoch ms before which resend is not offered. */
  cooldownUntil?: number | undefined;
  /** The last requestToken failed: the next one reuses `sendAttempt` so no second message is sent. */
  lastRequestFailed?: boolean | undefined;
  /** UIA session id once the server started one (add flows). */
  uiaSession?: string | undefined;
  /** UIA stages the server reported done. */
  uiaCompleted?: string[] | undefined;
  /** Epoch ms when the first token was sent (for resume expiry). */
  startedAt?: number | undefined;
}

/** What the person typed; kept through every error. Passwords are not here (see `newPassword`). */
export interface FlowDraft {
  address: string;
  country?: string | undefined;
  phoneNumber?: string | undefined;
  code: string;
}

/** Where an OAuth-era server makes the change (step `accountManagement`): its account page, never a legacy request. */
export interface AccountManagement {
  /** The OAuth issuer, e.g. `https://account.example.org/` (name its host to the person). */
  issuer: string;
  /** The page to open: add flows, the account page with `action=org.matrix.profile` when offered; reset, the bare account page; else the issuer. */
  url: string;
  /** The account's current addresses (add flows), once read; read again when the person comes back to the tab. */
  threepids?: Threepid[] | undefined;
}

/** Fixed settings of one flow. */
export interface FlowConfig {
  purpose: FlowPurpose;
  medium: Medium;
  passwordStep: PasswordStep;
  resendCooldownMs: number;
}

/** The whole state of a flow. Pure data. */
export interface FlowState {
  step: FlowStep;
  config: FlowConfig;
  draft: FlowDraft;
  session?: ValidationSession | undefined;
  error?: FlowError | undefined;
  /** Why the flow cannot be used (step `unavailable`). */
  unavailable?: UnavailableReason | undefined;
  capabilities?: Capabilities | undefined;
  /** UIA the server asks for (step `authenticating`, or while waiting for the link when `earlyAuth`). */
  uia?: UiaInfo | undefined;
  /** Add by link: the server asked for auth while the person waits for the link, so the link screen asks too. */
  earlyAuth?: boolean | undefined;
  /** Step `accountManagement`: where the change is made instead. */
  accountManagement?: AccountManagement | undefined;
  /** The new password for reset, in memory only — never persisted, never rendered. */
  newPassword?: string | undefined;
  logoutDevices: boolean;
  /** Who started the current completion attempt: a poll is silent when it finds nothing yet. */
  trigger?: 'user' | 'poll' | undefined;
  /** How many times the person asked for another email/SMS (for announcements). */
  resendCount: number;
  /** Step the last request/complete started from, to return to on failure. */
  returnTo?: 'enterAddress' | 'choosePassword' | 'awaitingCode' | 'awaitingLink' | undefined;
}

/** Events, named by intent. Times come in events so the machine stays pure. */
export type FlowEvent =
  | { type: 'CAPABILITIES.SUCCESS'; capabilities: Capabilities }
  | { type: 'CAPABILITIES.FAILURE' }
  | { type: 'ACCOUNT.MANAGED'; accountManagement: AccountManagement }
  | { type: 'ACCOUNT.THREEPIDS'; threepids: Threepid[] }
  | { type: 'AUTH.EARLY'; uia: UiaInfo }
  | { type: 'ADDRESS.SUBMIT'; address: string; country?: string | undefined; phoneNumber?: string | undefined; clientSecret: string; now: number }
  | { type: 'PASSWORD.SUBMIT'; password: string; logoutDevices: boolean }
  | { type: 'REQUEST.SUCCESS'; sid: string; submitUrl?: string | undefined; now: number }
  | { type: 'REQUEST.FAILURE'; error: FlowError; now: number }
  | { type: 'RESEND'; now: number }
  | { type: 'CODE.SUBMIT'; code: string }
  | { type: 'CODE.SUCCESS' }
  | { type: 'CODE.FAILURE'; error: FlowError }
  | { type: 'CONTINUE'; trigger: 'user' | 'poll' }
  | { type: 'COMPLETE.SUCCESS' }
  | { type: 'COMPLETE.FAILURE'; error: FlowError; uia?: UiaInfo | undefined }
  | { type: 'AUTH.START' }
  | { type: 'AUTH.CANCEL'; error?: FlowError | undefined }
  | { type: 'AUTH.FAILURE'; error: FlowError }
  | { type: 'ADDRESS.CHANGE' }
  | { type: 'MEDIUM.SWITCH'; medium: Medium }
  | { type: 'ERROR.DISMISS' }
  | { type: 'RESTORE'; session: ValidationSession; step: 'awaitingCode' | 'awaitingLink' }
  | { type: 'RESET' };

/** The event type names. */
export type FlowEventType = FlowEvent['type'];
