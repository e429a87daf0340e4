// The adapter over a real matrix-js-sdk MatrixClient, on HTTP mocked by msw: the same scenario table the fetch
// client passes must give the same results, on the wire and to the caller.
import fc from 'fast-check';
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { fromMatrixClient, fromSdkError } from '../../src/adapters/matrixJsSdk';
import { createThreepidClient } from '../../src/protocol/client';
import { MatrixApiError, ThreepidNetworkError, isNotYetValidated, isRateLimited, isUiaRequired } from '../../src/protocol/errors';
import type { ThreepidClient } from '../../src/protocol/types';
import { useMockHomeserver, type MockReply } from '../support/mockHomeserver';
import { ACCESS_TOKEN, BASE_URL, CLIENT_SECRET, SUBMIT_URL, protocolScenarios } from '../support/protocolScenarios';
import { settle, type Outcome } from '../support/settle';

const hs = useMockHomeserver();

function quietLogger(): Parameters<typeof createClient>[0]['logger'] {
  const noop = (): void => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, getChild: () => logger };
  return logger;
}

function sdkClient(): MatrixClient {
  return createClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN, userId: '@alice:hs.test', logger: quietLogger() });
}

const clients = (timeoutMs?: number): Array<[string, () => ThreepidClient]> => [
  ['fetch client', () => createThreepidClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN, timeoutMs })],
  ['matrix-js-sdk adapter', () => fromMatrixClient(sdkClient(), { timeoutMs })],
];

/** The table's outcome, with the status the adapter reports where matrix-js-sdk hides the real one. */
function expectedForAdapter(outcome: Outcome, sdkStatus: number | undefined): Outcome {
  if (sdkStatus === undefined || !('rejected' in outcome) || outcome.rejected.kind !== 'MatrixApiError') return outcome;
  return { rejected: { ...outcome.rejected, status: sdkStatus } };
}

describe('fromMatrixClient against the shared scenario table', () => {
  it.each(protocolScenarios.map((s) => [s.name, s] as const))('should %s, like the fetch client', async (_name, scenario) => {
    const results = [];
    for (const [, make] of clients()) {
      hs.reply(scenario.reply);
      results.push(await settle(scenario.call(make())));
    }
    const [viaFetch, viaSdk] = results;
    expect(viaFetch?.outcome).toEqual(scenario.outcome);
    expect(viaSdk?.outcome).toEqual(expectedForAdapter(scenario.outcome, scenario.sdkStatus));

    expect(hs.requests).toHaveLength(2);
    const [fromFetch, fromSdk] = hs.requests;
    expect(fromSdk?.method).toBe(fromFetch?.method);
    expect(fromSdk?.url).toBe(fromFetch?.url);
    expect(fromSdk?.body).toEqual(fromFetch?.body);
    expect(fromSdk?.headers.get('authorization')).toBe((scenario.request.sdkAuthorized ?? scenario.request.authorized) ? `Bearer ${ACCESS_TOKEN}` : null);

    const thrown = viaSdk?.thrown;
    if (scenario.helpers) {
      const { notYetValidated, rateLimited, uiaRequired } = scenario.helpers;
      if (notYetValidated !== undefined) expect(isNotYetValidated(thrown)).toBe(notYetValidated);
      if (rateLimited !== undefined) expect(isRateLimited(thrown)).toBe(rateLimited);
      if (uiaRequired !== undefined) expect(isUiaRequired(thrown)).toBe(uiaRequired);
    }
  });
});

describe('fromMatrixClient network failures', () => {
  const cases: Array<[string, MockReply, string]> = [
    ['offline', { networkError: true }, 'offline'],
    ['timeout', { hang: true }, 'timeout'],
  ];

  it.each(cases)('should report %s like the fetch client', async (_label, reply, reason) => {
    for (const [, make] of clients(20)) {
      hs.reply(reply);
      const { outcome } = await settle(make().getThreepids());
      expect(outcome).toEqual({ rejected: { kind: 'ThreepidNetworkError', reason } });
    }
  });

  it('should settle as aborted when the caller aborts mid-request', async () => {
    for (const [, make] of clients()) {
      hs.reply({ hang: true });
      const controller = new AbortController();
      const before = hs.requests.length;
      const pending = settle(make().requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: CLIENT_SECRET, sendAttempt: 1 }, controller.signal));
      await expect.poll(() => hs.requests.length).toBe(before + 1);
      controller.abort();
      expect((await pending).outcome).toEqual({ rejected: { kind: 'ThreepidNetworkError', reason: 'aborted' } });
    }
  });

  it('should send nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { outcome } = await settle(fromMatrixClient(sdkClient()).whoami(controller.signal));
    expect(outcome).toEqual({ rejected: { kind: 'ThreepidNetworkError', reason: 'aborted' } });
    expect(hs.requests).toHaveLength(0);
  });
});

describe('fromMatrixClient refusals', () => {
  it.each([
    ['an http submit_url for an https homeserver', 'http://hs.test/submit_token', CLIENT_SECRET, 'M_INVALID_SUBMIT_URL'],
    ['a javascript: submit_url', 'javascript:alert(1)', CLIENT_SECRET, 'M_INVALID_SUBMIT_URL'],
    ['an invalid client_secret', SUBMIT_URL, 'not valid!', 'M_INVALID_PARAM'],
  ])('should refuse %s like the fetch client, sending nothing', async (_label, url, clientSecret, errcode) => {
    for (const [, make] of clients()) {
      const { outcome } = await settle(make().submitToken(url, { sid: 's', clientSecret, token: '1' }));
      expect(outcome).toMatchObject({ rejected: { kind: 'MatrixApiError', status: 0, errcode } });
    }
    expect(hs.requests).toHaveLength(0);
  });

  it('should refuse a non-http next_link and a fractional send_attempt', async () => {
    const adapter = fromMatrixClient(sdkClient());
    const base = { medium: 'email', email: 'a@b.org', clientSecret: CLIENT_SECRET, sendAttempt: 1 } as const;
    await expect(adapter.requestToken('add', { ...base, nextLink: 'data:text/html,x' })).rejects.toMatchObject({ errcode: 'M_INVALID_PARAM' });
    await expect(adapter.requestToken('add', { ...base, sendAttempt: 0.5 })).rejects.toMatchObject({ errcode: 'M_INVALID_PARAM' });
    expect(hs.requests).toHaveLength(0);
  });
});

describe('fromMatrixClient fallbackAuthUrl', () => {
  it('should point at the same stage and session as the fetch client', () => {
    const [viaFetch, viaSdk] = clients().map(([, make]) => new URL(make().fallbackAuthUrl('m.login.sso', 'sess 1/&')));
    expect(viaSdk?.pathname).toBe(viaFetch?.pathname);
    expect(viaSdk?.searchParams.get('session')).toBe('sess 1/&');
    expect(viaFetch?.searchParams.get('session')).toBe('sess 1/&');
    expect(hs.requests).toHaveLength(0);
  });
});

describe('fromSdkError', () => {
  it('should map an SDK ConnectionError caused by a timeout to timeout', () => {
    const err = Object.assign(new Error('fetch failed'), { name: 'ConnectionError', cause: { name: 'TimeoutError' } });
    expect(fromSdkError(err)).toMatchObject({ name: 'ThreepidNetworkError', reason: 'timeout' });
  });

  it('should map the SDK aborting its own request (localTimeoutMs) to timeout', () => {
    expect(fromSdkError(new DOMException('aborted', 'AbortError'))).toMatchObject({ reason: 'timeout' });
  });

  it('should keep the kit errors it is given', () => {
    const e = new ThreepidNetworkError('aborted');
    expect(fromSdkError(e)).toBe(e);
  });

  it('should read status, errcode, UIA and Retry-After from an SDK MatrixError shape', () => {
    const err = Object.assign(new Error('MatrixError'), {
      httpStatus: 401,
      httpHeaders: new Headers({ 'Retry-After': '2' }),
      errcode: 'M_FORBIDDEN',
      data: { errcode: 'M_FORBIDDEN', flows: [{ stages: ['m.login.password'] }], session: 's' },
    });
    expect(fromSdkError(err)).toMatchObject({
      status: 401,
      errcode: 'M_FORBIDDEN',
      retryAfterMs: 2000,
      uia: { flows: [{ stages: ['m.login.password'] }], params: {}, session: 's', completed: [] },
    });
  });

  it('should map anything at all to one of the two kit errors without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ httpStatus: fc.oneof(fc.integer(), fc.anything()), data: fc.anything(), name: fc.string(), cause: fc.anything() }, { requiredKeys: [] }),
        ),
        (thrown) => {
          const mapped = fromSdkError(thrown);
          expect(mapped instanceof MatrixApiError || mapped instanceof ThreepidNetworkError).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
