// A host watches the kit's network steps through react-query: each is a mutation under ['matrix-threepid-kit', step].
import { QueryClient, QueryClientProvider, useIsMutating, useMutationState } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ThreepidProvider, createThreepidClient } from '../../src';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findStep, setupUser } from '../support/flowHarness';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { hostQueryClient, renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const NEW_EMAIL = 'watched@example.org';

/** The README's global indicator. */
function Working(): ReactNode {
  const busy = useIsMutating({ mutationKey: ['matrix-threepid-kit'] });
  return <p data-testid="working">{busy > 0 ? 'Working…' : 'Idle'}</p>;
}

/** Every kit step the host's cache has seen, in order. */
function Steps(): ReactNode {
  const steps = useMutationState({ filters: { mutationKey: ['matrix-threepid-kit'] }, select: (m) => String(m.options.mutationKey?.[1]) });
  return <p data-testid="steps">{steps.join(' ')}</p>;
}

/** A request gate: requestToken waits until `open()`; everything else goes straight to the fake. */
function gatedClient(harness: ReturnType<typeof createHarness>) {
  let open = (): void => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const client = createThreepidClient({
    baseUrl: harness.hs.baseUrl,
    accessToken: ALICE.accessToken,
    fetch: async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/requestToken')) await gate;
      return harness.hs.fetch(input, init);
    },
  });
  return { client, open: () => open() };
}

function renderWithHost(ui: ReactNode, client: ReturnType<typeof createThreepidClient>) {
  const queryClient = new QueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <Working />
      <Steps />
      <ThreepidProvider client={client}>{ui}</ThreepidProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient, user: setupUser() };
}

describe('network steps as react-query mutations', () => {
  it("should raise the host's useIsMutating(['matrix-threepid-kit']) while a request is in flight, and drop it once answered", async () => {
    const harness = createHarness();
    const { client, open } = gatedClient(harness);
    const { user } = renderWithHost(<AddEmailFlow pollIntervalMs={false} />, client);

    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), NEW_EMAIL);
    expect(screen.getByTestId('working')).toHaveTextContent('Idle');
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));

    expect(await screen.findByText('Working…')).toBeInTheDocument();
    expect(screen.getByTestId('steps')).toHaveTextContent('requestToken');
    open();
    await findStep(en['addEmail.link.heading']);
    expect(screen.getByTestId('working')).toHaveTextContent('Idle');
    expect(harness.hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should name each step of a whole flow, one mutation per request, and keep no secret in the mutation cache', async () => {
    const harness = createHarness();
    const { hs, client } = harness;
    const { user, queryClient } = renderWithHost(<AddEmailFlow pollIntervalMs={false} />, client);

    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(NEW_EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), ALICE.password);
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
    await findStep(en['addEmail.done.heading']);

    // Continue met UIA (complete), then the password stage asked who the user is (whoami) and completed again.
    expect(screen.getByTestId('steps')).toHaveTextContent(/^requestToken complete whoami complete$/);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);

    const cached = JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state })));
    const secrets = [...harness.clientSecrets(), ALICE.password, ALICE.accessToken];
    expect(harness.clientSecrets()).toHaveLength(1);
    for (const secret of secrets) expect(cached.includes(secret), `the mutation cache holds a secret (${secret.slice(0, 3)}…)`).toBe(false);
  });

  /** The kit's step names in the host's mutation cache, oldest first. */
  const stepsIn = (queryClient: QueryClient): string[] =>
    queryClient
      .getMutationCache()
      .getAll()
      .filter((mutation) => mutation.options.mutationKey?.[0] === 'matrix-threepid-kit')
      .map((mutation) => String(mutation.options.mutationKey?.[1]));

  it('should name the code step submitToken', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const queryClient = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, hostQueryClient: queryClient });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request(NEW_EMAIL));
    await waitForStep(result, 'awaitingCode');
    act(() => result.current.submitCode(hs.inbox.latest(NEW_EMAIL)?.token ?? ''));
    await waitForStep(result, 'authenticating');
    expect(stepsIn(queryClient)).toEqual(['requestToken', 'submitToken', 'complete']);
  });

  it("should name a reset's server check authMetadata and its automatic check for the followed link poll", async () => {
    const hs = fakeSetup().hs;
    const client = createThreepidClient({ baseUrl: hs.baseUrl, fetch: hs.fetch });
    const queryClient = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: 500 }, { client, hostQueryClient: queryClient });
    act(() => result.current.request('alice@example.org'));
    await waitForStep(result, 'choosePassword');
    act(() => result.current.setNewPassword('a-New-passphrase-42'));
    await waitForStep(result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    await waitForStep(result, 'done');
    const steps = stepsIn(queryClient);
    expect(steps.slice(0, 2)).toEqual(['authMetadata', 'requestToken']);
    expect(steps.at(-1)).toBe('poll');
  });

  it('should name the account page’s reading of the addresses threepids', async () => {
    const { client } = fakeSetup({ preset: 'oauth' });
    const queryClient = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, hostQueryClient: queryClient });
    await waitForStep(result, 'accountManagement');
    await vi.waitFor(() => expect(result.current.state.accountManagement?.threepids).toBeDefined());
    expect(stepsIn(queryClient)).toEqual(['threepids']);
  });
});
