import { isValidClientSecret } from './clientSecret';
import { MatrixApiError } from './errors';
import { send, type HttpRequest } from './http';
import { badResponse, isObject, type JsonObject } from './parseResponse';
import { apiRoot, requestTokenPath } from './paths';
import type { Medium, Threepid, ThreepidClient, ThreepidClientOptions } from './types';
import { isSafeSubmitUrl, isValidNextLink } from './urlSafety';

/** Refused before sending: status 0 says no request was made. */
const refuse = (errcode: string): MatrixApiError => new MatrixApiError({ status: 0, errcode });

const checkSecret = (clientSecret: string): void => {
  if (!isValidClientSecret(clientSecret)) throw refuse('M_INVALID_PARAM');
};

const isMedium = (m: unknown): m is Medium => m === 'email' || m === 'msisdn';

/**
 * Creates the Matrix 3PID protocol client. Every method rejects only with MatrixApiError or ThreepidNetworkError;
 * requestToken and submitToken never send the access token (a submit_url may belong to another host).
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

  return {
    async requestToken(purpose, params, signal) {
      checkSecret(params.clientSecret);
      if (!Number.isInteger(params.sendAttempt) || (params.nextLink !== undefined && !isValidNextLink(params.nextLink))) {
        throw refuse('M_INVALID_PARAM');
      }
      const body: JsonObject =
        params.medium === 'email'
          ? { email: params.email }
          : { country: params.country.toUpperCase(), phone_number: params.phoneNumber };
      body.client_secret = params.clientSecret;
      body.send_attempt = params.sendAttempt;
      if (params.nextLink !== undefined) body.next_link = params.nextLink;
      const { status, body: res } = await call('POST', root + requestTokenPath(purpose, params.medium), body, false, signal);
      if (typeof res.sid !== 'string' || !res.sid) throw badResponse(status);
      return typeof res.submit_url === 'string' ? { sid: res.sid, submitUrl: res.submit_url } : { sid: res.sid };
    },

    async submitToken(submitUrl, { sid, clientSecret, token }, signal) {
      if (!isSafeSubmitUrl(submitUrl, baseUrl)) throw refuse('M_INVALID_SUBMIT_URL');
      checkSecret(clientSecret);
      const { status, body: res } = await call('POST', submitUrl, { sid, client_secret: clientSecret, token }, false, signal);
      // `success: false` is the pre-v1.18 way of saying the code was wrong.
      if (res.success === false) throw new MatrixApiError({ status, errcode: 'M_TOKEN_INCORRECT' });
      if (res.success !== true) throw badResponse(status);
    },

    async addThreepid({ sid, clientSecret }, auth, signal) {
      checkSecret(clientSecret);
      const body: JsonObject = { sid, client_secret: clientSecret };
      if (auth) body.auth = auth;
      await call('POST', `${root}/account/3pid/add`, body, true, signal);
    },

    async changePassword({ newPassword, logoutDevices, auth }, signal) {
      const body: JsonObject = {};
      if (newPassword !== undefined) body.new_password = newPassword;
      if (logoutDevices !== undefined) body.logout_devices = logoutDevices;
      if (auth) body.auth = auth;
      await call('POST', `${root}/account/password`, body, true, signal);
    },

    async getThreepids(signal) {
      const { status, body: res } = await call('GET', `${root}/account/3pid`, undefined, true, signal);
      const list = res.threepids ?? [];
      if (!Array.isArray(list)) throw badResponse(status);
      const out: Threepid[] = [];
      for (const t of list) {
        if (!isObject(t)) throw badResponse(status);
        const { medium, address, validated_at: validatedAt, added_at: addedAt } = t;
        if (typeof address !== 'string' || typeof validatedAt !== 'number' || typeof addedAt !== 'number') {
          throw badResponse(status);
        }
        // A medium this kit does not know (legacy or future) is left out rather than mistyped.
        if (isMedium(medium)) out.push({ medium, address, validatedAt, addedAt });
      }
      return out;
    },

    async deleteThreepid(medium, address, signal) {
      await call('POST', `${root}/account/3pid/delete`, { medium, address }, true, signal);
    },

    async getCapabilities(signal) {
      const { body: res } = await call('GET', `${root}/capabilities`, undefined, true, signal);
      const caps = isObject(res.capabilities) ? res.capabilities : {};
      // Only an explicit `enabled: false` turns a capability off.
      const allowed = (name: string): boolean => {
        const c = caps[name];
        return !(isObject(c) && c.enabled === false);
      };
      return { threepidChanges: allowed('m.3pid_changes'), changePassword: allowed('m.change_password') };
    },

    async whoami(signal) {
      const { status, body: res } = await call('GET', `${root}/account/whoami`, undefined, true, signal);
      if (typeof res.user_id !== 'string') throw badResponse(status);
      return { userId: res.user_id };
    },

    fallbackAuthUrl(stageType, session) {
      return `${root}/auth/${encodeURIComponent(stageType)}/fallback/web?session=${encodeURIComponent(session)}`;
    },
  };
}
