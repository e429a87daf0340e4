import type { UiaInfo } from './types';

/** Fields of a MatrixApiError. */
export interface MatrixApiErrorInit {
  status: number;
  errcode: string;
  serverMessage?: string | undefined;
  retryAfterMs?: number | undefined;
  uia?: UiaInfo | undefined;
  softLogout?: boolean | undefined;
}

/** The homeserver answered with an error (or with something the client could not understand). */
export class MatrixApiError extends Error {
  override readonly name = 'MatrixApiError';
  // Set by Object.assign in the constructor; `declare` keeps the class fields from overwriting them.
  declare readonly status: number;
  declare readonly errcode: string;
  declare readonly serverMessage: string | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly uia: UiaInfo | undefined;
  declare readonly softLogout: boolean;

  constructor(init: MatrixApiErrorInit) {
    // Only status and errcode in the message: server text may echo secrets back.
    super(`Matrix API error ${init.status} ${init.errcode}`);
    Object.assign(this, init, { softLogout: !!init.softLogout });
  }
}

/** Why a request never got an answer. */
export type NetworkFailureReason = 'offline' | 'timeout' | 'aborted';

/** The request never got an HTTP answer: offline, timed out, or aborted by the caller. */
export class ThreepidNetworkError extends Error {
  override readonly name = 'ThreepidNetworkError';
  declare readonly reason: NetworkFailureReason;

  constructor(reason: NetworkFailureReason) {
    super(`Network request failed: ${reason}`);
    this.reason = reason;
  }
}

/** True when completion failed only because the person has not followed the link / entered the code yet. */
export function isNotYetValidated(err: unknown): boolean {
  if (!(err instanceof MatrixApiError)) return false;
  if (err.status === 400 && err.errcode === 'M_THREEPID_AUTH_FAILED') return true;
  return err.status === 401 && err.errcode === 'M_UNAUTHORIZED' && err.uia !== undefined;
}

/** True for a 429 / M_LIMIT_EXCEEDED answer. */
export function isRateLimited(err: unknown): err is MatrixApiError {
  return err instanceof MatrixApiError && (err.status === 429 || err.errcode === 'M_LIMIT_EXCEEDED');
}

/** True when the server asks for (more) User-Interactive Auth. */
export function isUiaRequired(err: unknown): err is MatrixApiError & { uia: UiaInfo } {
  return err instanceof MatrixApiError && err.status === 401 && err.uia !== undefined && !isNotYetValidated(err);
}
