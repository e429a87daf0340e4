import { isValidClientSecret } from './clientSecret';
import { MatrixApiError } from './errors';
import type { RequestTokenParams } from './types';
import { isSafeSubmitUrl, isValidNextLink } from './urlSafety';

/** Refused before sending: status 0 says no request was made. */
const refuse = (errcode: string): MatrixApiError => new MatrixApiError({ status: 0, errcode });

/** Throws `M_INVALID_PARAM` (status 0) unless the client_secret is valid. */
export function checkClientSecret(clientSecret: string): void {
  if (!isValidClientSecret(clientSecret)) throw refuse('M_INVALID_PARAM');
}

/** Throws `M_INVALID_PARAM` (status 0) for a bad client_secret, a non-integer send_attempt or a non-http(s) next_link. */
export function checkRequestToken(params: RequestTokenParams): void {
  checkClientSecret(params.clientSecret);
  if (!Number.isInteger(params.sendAttempt) || (params.nextLink !== undefined && !isValidNextLink(params.nextLink))) {
    throw refuse('M_INVALID_PARAM');
  }
}

/** Throws `M_INVALID_SUBMIT_URL` (status 0) for a submit_url that could leak the token, then checks the secret. */
export function checkSubmit(submitUrl: string, baseUrl: string, clientSecret: string): void {
  if (!isSafeSubmitUrl(submitUrl, baseUrl)) throw refuse('M_INVALID_SUBMIT_URL');
  checkClientSecret(clientSecret);
}
