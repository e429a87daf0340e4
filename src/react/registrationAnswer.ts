import { MatrixApiError, ThreepidNetworkError } from '../protocol/errors';
import { isObject, toApiError } from '../protocol/parseResponse';
import type { UiaInfo } from '../protocol/types';

/** The UIA stage a registration stage passes: proving an email address or a phone number. */
export type RegistrationStageType = 'm.login.email.identity' | 'm.login.msisdn';

/** The `auth` a registration stage hands the host's `/register` call, in wire format. */
export interface RegistrationAuthDict {
  type: RegistrationStageType;
  threepid_creds: { sid: string; client_secret: string };
  session: string;
}

/**
 * The host's `/register` call with this `auth`. Resolve with the server's JSON answer, or reject with what your client
 * threw: the kit reads its own `MatrixApiError`, matrix-js-sdk's `MatrixError` (`httpStatus`, `data`), or any error
 * with a numeric `status` and the body as `body` or `data`. A 401 UIA body resolved instead of thrown works too.
 */
export type SubmitRegistrationAuth = (auth: RegistrationAuthDict, signal: AbortSignal) => Promise<unknown>;

/** How the server answered once the stage passed. */
export interface RegistrationStagePassed {
  /** The server's answer: `/register`'s 200 body (the account exists), or the 401 UIA body naming the next stage. */
  response: unknown;
  /** Set when the server asks for more stages (the answer read as UIA, with this stage in `completed`). */
  nextStages?: UiaInfo | undefined;
}

/** A UIA body as the protocol client reads one (flows, params, session, completed); none without a `flows` list. */
function readUia(body: unknown): UiaInfo | undefined {
  return toApiError(401, new Headers(), body).uia;
}

/** The error the host's call failed with, as a status and a body, when it carries them. */
function httpFailure(err: unknown): { status: number; body: unknown } | undefined {
  // Without it, a rejection with null or undefined would throw a TypeError here instead of itself: the flow shows both
  // as an unknown error (toFlowError), and the host's onError gets the same.
  // Stryker disable next-line ConditionalExpression: see above.
  if (!isObject(err)) return undefined;
  const status = typeof err.httpStatus === 'number' ? err.httpStatus : err.status;
  return typeof status === 'number' && status >= 400 ? { status, body: err.data ?? err.body } : undefined;
}

/**
 * Reads the server's answer to one submission of the stage: passed (resolves), not validated yet (a 401 whose
 * `completed` lacks the stage: `M_UNAUTHORIZED`, which the flow keeps waiting on), or a failure as the kit's errors.
 */
export function readRegistrationAnswer(type: RegistrationStageType, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): RegistrationStagePassed {
  let uia: UiaInfo | undefined;
  if (outcome.ok) {
    uia = readUia(outcome.value);
    if (!uia) return { response: outcome.value };
  } else {
    const { error } = outcome;
    // Stryker disable next-line ConditionalExpression: below, a network error has no status and is rethrown as it came.
    if (error instanceof ThreepidNetworkError) throw error;
    const failure = error instanceof MatrixApiError ? undefined : httpFailure(error);
    const apiError = error instanceof MatrixApiError ? error : failure && toApiError(failure.status, new Headers(), failure.body);
    if (!apiError) {
      // fetch rejects with a TypeError when the server cannot be reached; an abort is the flow's own.
      if (isObject(error) && error.name === 'AbortError') throw new ThreepidNetworkError('aborted');
      throw error instanceof TypeError ? new ThreepidNetworkError('offline') : error;
    }
    if (apiError.status !== 401 || !apiError.uia) throw apiError;
    uia = apiError.uia;
    if (!uia.completed.includes(type)) throw notValidatedYet(uia, apiError.serverMessage);
    return { response: failure?.body ?? apiError.uia, nextStages: uia };
  }
  if (!uia.completed.includes(type)) throw notValidatedYet(uia);
  return { response: outcome.value, nextStages: uia };
}

/** The server still asks for this stage: the address is not validated yet. */
const notValidatedYet = (uia: UiaInfo, serverMessage?: string): MatrixApiError =>
  new MatrixApiError({ status: 401, errcode: 'M_UNAUTHORIZED', uia, serverMessage });
