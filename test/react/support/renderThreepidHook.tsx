// renderHook with the kit's provider around it, plus waits that work with real and with fake timers.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor, type RenderHookResult } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { expect, vi } from 'vitest';
import type { FlowStep } from '../../../src/flow/types';
import type { ThreepidClient } from '../../../src/protocol/types';
import type { FakeHomeserver } from '../../../src/testing';
import { ThreepidProvider, useThreepidFlow, type ThreepidFlow, type ThreepidFlowOptions } from '../../../src/react';

/** How to wrap the hook. */
export interface HarnessOptions {
  /** The provider's client; omit for no `<ThreepidProvider>` at all. */
  client?: ThreepidClient;
  /** Wraps everything in the host's own `<QueryClientProvider client={…}>`. */
  hostQueryClient?: QueryClient;
  /** Passed to `<ThreepidProvider queryClient>`. */
  providerQueryClient?: QueryClient;
  /**
   * StrictMode, effects run twice included: `renderWithKit` and `renderFlowHook` also set Testing Library's
   * `reactStrictMode`, since a `<StrictMode>` inside its `wrapper` alone runs each effect once (React 19.3).
   */
  strict?: boolean;
}

/** The wrapper component `renderHook` needs for these options. */
export function harness(options: HarnessOptions): (props: { children: ReactNode }) => ReactNode {
  return function Harness({ children }) {
    let tree = children;
    if (options.client) {
      tree = (
        <ThreepidProvider client={options.client} queryClient={options.providerQueryClient}>
          {tree}
        </ThreepidProvider>
      );
    }
    if (options.hostQueryClient) tree = <QueryClientProvider client={options.hostQueryClient}>{tree}</QueryClientProvider>;
    return options.strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
}

/** Renders any hook inside the harness. */
export function renderWithKit<R, P>(hook: (props: P) => R, options: HarnessOptions & { initialProps?: P }): RenderHookResult<R, P> {
  return renderHook(hook, { wrapper: harness(options), initialProps: options.initialProps, reactStrictMode: options.strict });
}

/** Renders `useThreepidFlow(flowOptions)` under the provider's client. */
export function renderFlowHook(
  flowOptions: ThreepidFlowOptions,
  options: HarnessOptions,
): RenderHookResult<ThreepidFlow, ThreepidFlowOptions> {
  return renderHook((props: ThreepidFlowOptions) => useThreepidFlow(props), {
    wrapper: harness(options),
    initialProps: flowOptions,
    reactStrictMode: options.strict,
  });
}

/** A host's query client: no retries, so a failure shows at once. */
export function hostQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Waits (real timers) until the flow reaches `step`. */
export async function waitForStep(result: { current: ThreepidFlow }, step: FlowStep): Promise<void> {
  await waitFor(() => expect(result.current.state.step).toBe(step));
}

/**
 * Real timers: an add flow asks for `address` once the server is checked, waits for the emailed link, and the person
 * follows it. The flow is then on the link screen, ready for "continue".
 */
export async function sendAndFollowLink(result: { current: ThreepidFlow }, hs: FakeHomeserver, address: string): Promise<void> {
  await waitForStep(result, 'enterAddress');
  act(() => result.current.request(address));
  await waitForStep(result, 'awaitingLink');
  await hs.followLink(hs.inbox.latest(address)?.link ?? '');
}

/** Advances fake timers by `ms` inside act, letting every promise the timers release settle. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/**
 * With fake timers: lets pending promises (the fake homeserver's answers) settle without moving the clock
 * beyond what a zero-delay timer needs, until `check` passes. Fails after a bounded number of turns.
 */
export async function settleUntil(check: () => void, turns = 50): Promise<void> {
  let last: unknown;
  for (let i = 0; i < turns; i += 1) {
    try {
      check();
      return;
    } catch (error) {
      last = error;
    }
    await advance(0);
  }
  throw last;
}

/** Waits (fake timers) until the flow reaches `step`, without moving the clock. */
export async function settleToStep(result: { current: ThreepidFlow }, step: FlowStep): Promise<void> {
  await settleUntil(() => expect(result.current.state.step).toBe(step));
}
