import type { FlowError, FlowPurpose, FlowState, PasswordStep } from '../flow/types';
import type { AuthDict, Medium, ThreepidClient, UiaInfo } from '../protocol/types';
import type { StorageLike } from './persistence';

/** A phone number as the spec sends it: dialling country and national number. */
export interface PhoneAddress {
  /** ISO-3166-1 alpha-2, upper case. */
  country: string;
  /** The national number, digits only. */
  phoneNumber: string;
  /** How to show it (e.g. E.164 `+447700900123`); default `phoneNumber`. */
  display?: string | undefined;
}

/** What `onComplete` receives. */
export interface FlowResult {
  purpose: FlowPurpose;
  medium: Medium;
  /** The email address, or the phone number in E.164 (`+447700900123`) for storing or comparing. */
  address: string;
  /** Phone only: the number as the person saw it (`+44 7700 900123`), for showing. */
  display?: string | undefined;
  /** Reset only: whether other devices were signed out. */
  logoutDevices?: boolean | undefined;
}

/**
 * A host's own UIA handling: resolve an auth dict to send, or null to cancel. Called again after a failed stage
 * (e.g. a wrong password), with that error; a rejection counts as cancel.
 */
export type AuthRequiredHandler = (uia: UiaInfo, error?: FlowError) => Promise<AuthDict | null>;

/** Options of `useThreepidFlow`. */
export interface ThreepidFlowOptions {
  purpose: FlowPurpose;
  medium: Medium;
  /** Client to use instead of the provider's. */
  client?: ThreepidClient | undefined;
  /** Sent as `next_link`: where the emailed link's page sends the person afterwards (http/https). */
  nextLink?: string | undefined;
  /** Wait before another email/SMS can be asked for; default 30 000 ms. */
  resendCooldownMs?: number | undefined;
  /** Check for the followed link by itself every N ms (with backoff), or `false`; default 3000 where it is safe. */
  pollIntervalMs?: number | false | undefined;
  /** Reset: ask the new password before sending the email, or after the link; default `before-link`. */
  passwordStep?: PasswordStep | undefined;
  /** Keep the session across reloads (e.g. `sessionStorage`); never stores passwords. */
  persist?: StorageLike | undefined;
  /** Storage key; default `matrix-threepid-kit:{purpose}:{medium}`. */
  persistKey?: string | undefined;
  /** How long a saved session stays resumable; default one hour (Synapse's token lifetime). */
  tokenLifetimeMs?: number | undefined;
  /** Run your own UIA dialog instead of the kit's password / single-sign-on step. */
  onAuthRequired?: AuthRequiredHandler | undefined;
  /** Called once the address is added or the password changed. */
  onComplete?: ((result: FlowResult) => void) | undefined;
  /** Called with every error the person is shown. */
  onError?: ((error: FlowError) => void) | undefined;
}

/** Everything a UI needs to drive one flow. */
export interface ThreepidFlow {
  state: FlowState;
  /** Ask the server to send the email/SMS (email: the address; msisdn: country + national number). */
  request(address: string | PhoneAddress): void;
  /** Ask for another email/SMS (same session, `send_attempt + 1`). */
  resend(): void;
  /** Submit the code from the SMS/email (spaces and dashes are ignored). */
  submitCode(code: string): void;
  /** "I've followed the link": try to finish now. */
  continue(): void;
  /** Answer the server's UIA: a password, or a full auth dict (wire format). */
  authenticate(auth: { password: string } | AuthDict): void;
  /** Complete a UIA stage in the homeserver's fallback page (e.g. single sign-on) in a popup. */
  authenticateWithFallback(stageType: string): void;
  /** Give up the UIA step and go back to waiting. */
  cancelAuth(): void;
  /** Reset: the new password, and whether to sign out other devices (default false). */
  setNewPassword(password: string, options?: { logoutDevices?: boolean | undefined }): void;
  /** Back to the address form, keeping what was typed. */
  changeAddress(): void;
  /** Reset only: switch between email and phone. */
  switchMedium(medium: Medium): void;
  /** Hide the current error. */
  dismissError(): void;
  /** Start again from the beginning. */
  reset(): void;
  /** True when resend can be used now. */
  canResend: boolean;
  /** Epoch ms when resend becomes available, while cooling down. */
  resendAvailableAt: number | undefined;
  /** True while a request the person is waiting on is in flight. */
  isBusy: boolean;
  /** True when the flow notices the followed link by itself (polling), so the UI need not ask for a click. */
  autoDetects: boolean;
}
