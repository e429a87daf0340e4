import type { FakeHomeserverOptions } from './types';

/** The named server behaviours `createFakeHomeserver({ preset })` starts from; explicit options win over them. */
export type FakePreset = 'synapse' | 'oauth';

/**
 * What each preset models (PROTOCOL "How Synapse behaves", "OAuth-era homeservers"):
 * - `synapse` (default): Synapse with an SMTP server and an SMS-capable identity server (Sydent). Email by link only,
 *   reset by phone refused (400 M_UNRECOGNIZED, as since v1.5), a wrong SMS code answered as Synapse proxies
 *   Sydent's refusal (400 M_UNKNOWN "Error contacting the identity server"), the same code re-sent on resend.
 * - `oauth`: Synapse delegating accounts to the Matrix Authentication Service: `auth_metadata` with issuer, account
 *   page and its actions; every legacy 3PID/password endpoint M_UNRECOGNIZED; `m.3pid_changes` and
 *   `m.change_password` false; `GET /account/3pid` still lists addresses.
 * Spec-only behaviours no Synapse shows are options: `emailSubmitUrl`, `tokenIncorrectStyle: 'errcode'`, `resetByPhone`.
 */
export const PRESETS: Record<FakePreset, FakeHomeserverOptions> = {
  synapse: {},
  oauth: { authService: {}, capabilities: { threepidChanges: false, changePassword: false } },
};
