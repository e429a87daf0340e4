// Turns a call's outcome into plain data, so two clients (or a client and a table) can be compared with toEqual.
import { MatrixApiError, ThreepidNetworkError } from '../../src/protocol/errors';
import type { UiaInfo } from '../../src/protocol/types';

/** The observable fields of a thrown MatrixApiError. */
export interface ApiErrorSnapshot {
  kind: 'MatrixApiError';
  status: number;
  errcode: string;
  serverMessage: string | undefined;
  retryAfterMs: number | undefined;
  uia: UiaInfo | undefined;
  softLogout: boolean;
}

/** How a call ended. `other` would be a bug: the client may only throw its two error classes. */
export type Outcome =
  | { resolved: unknown }
  | { rejected: ApiErrorSnapshot }
  | { rejected: { kind: 'ThreepidNetworkError'; reason: string } }
  | { rejected: { kind: 'other'; value: string } };

/** Describes a thrown value as plain data. */
export function describeThrown(err: unknown): Outcome {
  if (err instanceof MatrixApiError) {
    const { status, errcode, serverMessage, retryAfterMs, uia, softLogout } = err;
    return { rejected: { kind: 'MatrixApiError', status, errcode, serverMessage, retryAfterMs, uia, softLogout } };
  }
  if (err instanceof ThreepidNetworkError) return { rejected: { kind: 'ThreepidNetworkError', reason: err.reason } };
  return { rejected: { kind: 'other', value: String(err) } };
}

/** Awaits a call; resolves how it ended and, if it threw, the thrown value itself. */
export async function settle(p: Promise<unknown>): Promise<{ outcome: Outcome; thrown?: unknown }> {
  try {
    return { outcome: { resolved: await p } };
  } catch (err) {
    return { outcome: describeThrown(err), thrown: err };
  }
}
