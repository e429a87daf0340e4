import { cachedAuthMetadata, discoverAuthMetadata } from '../protocol/authMetadata';
import { MatrixApiError, ThreepidNetworkError } from '../protocol/errors';
import { checkClientSecret, checkRequestToken, checkSubmit } from '../protocol/guards';
import { BAD_RESPONSE_ERRCODE, isObject, toApiError } from '../protocol/parseResponse';
import { checkSubmitResult, toCapabilities, toRequestTokenResult, toThreepids, toWhoami } from '../protocol/results';
import type { AuthDict, ThreepidClient } from '../protocol/types';

/** The part of matrix-js-sdk's `MatrixClient` the adapter uses; structural, so the kit never imports the SDK. */
export interface MatrixClientLike {
  getHomeserverUrl(): string;
  requestAdd3pidEmailToken(email: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  requestAdd3pidMsisdnToken(country: string, phone: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  requestPasswordEmailToken(email: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  requestPasswordMsisdnToken(country: string, phone: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  requestRegisterEmailToken(email: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  requestRegisterMsisdnToken(country: string, phone: string, clientSecret: string, sendAttempt: number, nextLink?: string): Promise<unknown>;
  submitMsisdnTokenOtherUrl(url: string, sid: string, clientSecret: string, token: string): Promise<unknown>;
  addThreePidOnly(data: { sid: string; client_secret: string; auth?: AuthDict | undefined }): Promise<unknown>;
  setPassword(authDict: AuthDict | undefined, newPassword: string | undefined, logoutDevices?: boolean): Promise<unknown>;
  getThreePids(): Promise<unknown>;
  deleteThreePid(medium: string, address: string): Promise<unknown>;
  getCapabilities(): Promise<unknown>;
  whoami(): Promise<unknown>;
  getFallbackAuthUrl(loginType: string, authSessionId: string): string;
  /** The SDK's HTTP layer, for the discovery requests it has no method for (its own `getAuthMetadata` also fetches
   * and validates the issuer's OpenID configuration, which the kit does not need). Absent: treated as legacy. */
  http?: ({ request(method: string, path: string, query?: undefined, body?: undefined, opts?: { prefix?: string | undefined }): Promise<unknown> }) | undefined;
}

/** Options of `fromMatrixClient`. */
export interface FromMatrixClientOptions {
  /** Give up waiting after this many ms (the SDK request itself runs on); default 30 000. */
  timeoutMs?: number | undefined;
}

/** The status the SDK hides when it throws something without one (e.g. a body it could not parse): reported as 0. */
const UNKNOWN_STATUS = 0;

/** Maps whatever matrix-js-sdk threw onto the kit's two errors. */
export function fromSdkError(err: unknown): MatrixApiError | ThreepidNetworkError {
  if (err instanceof MatrixApiError || err instanceof ThreepidNetworkError) return err;
  if (!isObject(err)) return new MatrixApiError({ status: UNKNOWN_STATUS, errcode: BAD_RESPONSE_ERRCODE });
  const status = err.httpStatus;
  if (typeof status === 'number') {
    // MatrixError keeps the parsed body in `data`; an HTTPError (HTML, empty body) has none.
    const headers = err.httpHeaders instanceof Headers ? err.httpHeaders : new Headers();
    return toApiError(status, headers, isObject(err.data) ? err.data : undefined);
  }
  if (err.name === 'ConnectionError') {
    const cause = isObject(err.cause) ? err.cause.name : undefined;
    return new ThreepidNetworkError(cause === 'TimeoutError' ? 'timeout' : 'offline');
  }
  // The SDK aborts its own requests only on its localTimeoutMs or when the client is stopped.
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return new ThreepidNetworkError('timeout');
  return new MatrixApiError({ status: UNKNOWN_STATUS, errcode: BAD_RESPONSE_ERRCODE });
}

/**
 * A ThreepidClient backed by a host's matrix-js-sdk `MatrixClient` (its base URL, access token and fetch).
 * The SDK cannot cancel these calls: an abort or timeout settles our promise and leaves its request to finish.
 */
export function fromMatrixClient(mx: MatrixClientLike, options: FromMatrixClientOptions = {}): ThreepidClient {
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function run<T>(start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new ThreepidNetworkError('aborted');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ThreepidNetworkError('timeout')), timeoutMs);
      onAbort = () => reject(new ThreepidNetworkError('aborted'));
      signal?.addEventListener('abort', onAbort);
    });
    try {
      return await Promise.race([start(), stopped]);
    } catch (err) {
      throw fromSdkError(err);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  const http = mx.http;
  // Paths split into the SDK's prefix and path: the whole path as prefix, an empty path.
  const getAuthMetadata = cachedAuthMetadata(async (signal) =>
    http ? discoverAuthMetadata((path, s) => run(() => http.request('GET', '', undefined, undefined, { prefix: path }), s), '/_matrix/client', '', signal) : null,
  );

  return {
    getAuthMetadata,

    async requestToken(purpose, params, signal) {
      checkRequestToken(params);
      const { clientSecret: secret, sendAttempt: attempt, nextLink: next } = params;
      const res = await run(() => {
        if (params.medium === 'email') {
          const email = params.email;
          if (purpose === 'add') return mx.requestAdd3pidEmailToken(email, secret, attempt, next);
          if (purpose === 'reset') return mx.requestPasswordEmailToken(email, secret, attempt, next);
          return mx.requestRegisterEmailToken(email, secret, attempt, next);
        }
        const country = params.country.toUpperCase();
        const phone = params.phoneNumber;
        if (purpose === 'add') return mx.requestAdd3pidMsisdnToken(country, phone, secret, attempt, next);
        if (purpose === 'reset') return mx.requestPasswordMsisdnToken(country, phone, secret, attempt, next);
        return mx.requestRegisterMsisdnToken(country, phone, secret, attempt, next);
      }, signal);
      // The SDK resolves only 2xx answers and does not tell which: 200 is what every endpoint here sends.
      return toRequestTokenResult(res, 200);
    },

    async submitToken(submitUrl, { sid, clientSecret, token }, signal) {
      checkSubmit(submitUrl, mx.getHomeserverUrl(), clientSecret);
      checkSubmitResult(await run(() => mx.submitMsisdnTokenOtherUrl(submitUrl, sid, clientSecret, token), signal), 200);
    },

    async addThreepid({ sid, clientSecret }, auth, signal) {
      checkClientSecret(clientSecret);
      const data: { sid: string; client_secret: string; auth?: AuthDict | undefined } = { sid, client_secret: clientSecret };
      if (auth) data.auth = auth;
      await run(() => mx.addThreePidOnly(data), signal);
    },

    async changePassword({ newPassword, logoutDevices, auth }, signal) {
      // The SDK types both as required, but JSON drops undefined fields, so the wire matches the fetch client's.
      await run(() => mx.setPassword(auth, newPassword, logoutDevices), signal);
    },

    async getThreepids(signal) {
      return toThreepids(await run(() => mx.getThreePids(), signal), 200);
    },

    async deleteThreepid(medium, address, signal) {
      await run(() => mx.deleteThreePid(medium, address), signal);
    },

    async getCapabilities(signal) {
      return toCapabilities(await run(() => mx.getCapabilities(), signal));
    },

    async whoami(signal) {
      return toWhoami(await run(() => mx.whoami(), signal), 200);
    },

    fallbackAuthUrl(stageType, session) {
      return mx.getFallbackAuthUrl(stageType, session);
    },
  };
}
