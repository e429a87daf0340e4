// The hook driven through a host's real matrix-js-sdk MatrixClient (its fetchFn is the fake homeserver).
import { act } from '@testing-library/react';
import { createClient } from 'matrix-js-sdk';
import { describe, expect, it, vi } from 'vitest';
import { fromMatrixClient } from '../../src/adapters/matrixJsSdk';
import { useAddEmailFlow } from '../../src/react';
import { createFakeHomeserver } from '../../src/testing';
import { ALICE } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderWithKit, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const BASE_URL = 'http://localhost:8008';

function quietLogger(): NonNullable<Parameters<typeof createClient>[0]['logger']> {
  const noop = (): void => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, getChild: () => logger };
  return logger;
}

describe('useThreepidFlow with fromMatrixClient', () => {
  it('should add an email through a real MatrixClient: request, link, password stage, done', async () => {
    const hs = createFakeHomeserver({ baseUrl: BASE_URL, rateLimit: false });
    const mx = createClient({ baseUrl: BASE_URL, accessToken: ALICE.accessToken, userId: ALICE.userId, fetchFn: hs.fetch, logger: quietLogger() });
    const client = fromMatrixClient(mx);
    const onComplete = vi.fn();

    const { result } = renderWithKit(() => useAddEmailFlow({ onComplete, pollIntervalMs: false }), { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('sdk@example.org'));
    await waitForStep(result, 'awaitingLink');

    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: 'wrong horse' }));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('wrongPassword'));
    act(() => result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('notYetValidated'));
    expect(result.current.state.step).toBe('awaitingLink');

    await hs.followLink(hs.inbox.latest('sdk@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');

    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'sdk@example.org' });
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toContain('sdk@example.org');
    const endpoints = hs.requests.map((r) => `${r.endpoint}:${r.status}`);
    expect(endpoints).toEqual([
      'capabilities:200',
      'requestToken:200',
      'threepidAdd:401',
      'whoami:200',
      'threepidAdd:401',
      'threepidAdd:400',
      'link:200',
      'threepidAdd:200',
    ]);
  });
});
