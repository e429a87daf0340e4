import { cachedAuthMetadata, discoverAuthMetadata } from './authMetadata';
import { checkClientSecret, checkRequestToken, checkSubmit } from './guards';
import { send, type HttpRequest } from './http';
import type { JsonObject } from './parseResponse';
import { apiRoot, requestTokenPath } from './paths';
import { checkSubmitResult, toCapabilities, toRequestTokenResult, toThreepids, toWhoami } from './results';
import type { ThreepidClient, ThreepidClientOptions } from './types';

// Server-given strings may hold lone surrogates, on which encodeURIComponent throws a URIError.
const encode = (s: string): string => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, '\ufffd'));

/**
 * Creates the Matrix 3PID protocol client. Every method rejects only with MatrixApiError or ThreepidNetworkError
 * (an error thrown by the host's own `accessToken` function is passed on unchanged); requestToken and submitToken
 * never send the access token (a submit_url may belong to another host).
 */
export function createThreepidClient(options: ThreepidClientOptions): ThreepidClient {
  const { baseUrl, accessToken } = options;
  const root = apiRoot(baseUrl, options.prefix ?? '/_matrix/client/v3');
  const config = { fetch: options.fetch, timeoutMs: options.timeoutMs ?? 30_000 };

  const call = async (
    method: HttpRequest['method'],
    url: string,
    body: JsonObject | undefined,
    authed: boolean,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: JsonObject }> => {
    const token = authed ? (typeof accessToken === 'function' ? await accessToken() : accessToken) : undefined;
    return send(config, { method, url, body, token }, signal);
  };

  const origin = baseUrl.replace(/\/+$/, '');
  // Discovery lives beside the versioned prefix: `/_matrix/client/v3` → `/_matrix/client/v1/auth_metadata`.
  const clientRoot = root.replace(/\/[^/]*$/, '');
  const getAuthMetadata = cachedAuthMetadata((signal) =>
    discoverAuthMetadata(async (url, s) => (await call('GET', url, undefined, false, s)).body, clientRoot, origin, signal),
  );

  return {
    getAuthMetadata,

    async requestToken(purpose, params, signal) {
      checkRequestToken(params);
      const body: JsonObject =
        params.medium === 'email'
          ? { email: params.email }
          : { country: params.country.toUpperCase(), phone_number: params.phoneNumber };
      body.client_secret = params.clientSecret;
      body.send_attempt = params.sendAttempt;
      // Stryker disable next-line ConditionalExpression: a field set to undefined is left out by JSON.stringify anyway
      if (params.nextLink !== undefined) body.next_link = params.nextLink;
      const res = await call('POST', root + requestTokenPath(purpose, params.medium), body, false, signal);
      return toRequestTokenResult(res.body, res.status);
    },

    async submitToken(submitUrl, { sid, clientSecret, token }, signal) {
      checkSubmit(submitUrl, baseUrl, clientSecret);
      const res = await call('POST', submitUrl, { sid, client_secret: clientSecret, token }, false, signal);
      checkSubmitResult(res.body, res.status);
    },

    async addThreepid({ sid, clientSecret }, auth, signal) {
      checkClientSecret(clientSecret);
      const body: JsonObject = { sid, client_secret: clientSecret };
      // Stryker disable next-line ConditionalExpression: a field set to undefined is left out by JSON.stringify anyway
      if (auth) body.auth = auth;
      await call('POST', `${root}/account/3pid/add`, body, true, signal);
    },

    async changePassword({ newPassword, logoutDevices, auth }, signal) {
      const body: JsonObject = {};
      // Stryker disable ConditionalExpression: a field set to undefined is left out by JSON.stringify anyway
      if (newPassword !== undefined) body.new_password = newPassword;
      if (logoutDevices !== undefined) body.logout_devices = logoutDevices;
      if (auth) body.auth = auth;
      // Stryker restore ConditionalExpression
      // A reset proves itself with threepid_creds: an access token would turn it into a signed-in change.
      const isReset = auth !== undefined && 'threepid_creds' in auth;
      await call('POST', `${root}/account/password`, body, !isReset, signal);
    },

    async getThreepids(signal) {
      const res = await call('GET', `${root}/account/3pid`, undefined, true, signal);
      return toThreepids(res.body, res.status);
    },

    async deleteThreepid(medium, address, signal) {
      await call('POST', `${root}/account/3pid/delete`, { medium, address }, true, signal);
    },

    async getCapabilities(signal) {
      const res = await call('GET', `${root}/capabilities`, undefined, true, signal);
      return toCapabilities(res.body.capabilities);
    },

    async whoami(signal) {
      const res = await call('GET', `${root}/account/whoami`, undefined, true, signal);
      return toWhoami(res.body, res.status);
    },

    fallbackAuthUrl(stageType, session) {
      return `${root}/auth/${encode(stageType)}/fallback/web?session=${encode(session)}`;
    },
  };
}
