import { MutationObserver, QueryClientContext, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { createInitialState, DEFAULT_RESEND_COOLDOWN_MS } from '../flow/machine';
import { canResend, isBusy, resendAvailableAt } from '../flow/selectors';
import { checkServer } from './accountManagement';
import { everyPurpose, type FlowEngine } from './engines';
import { createFlowController, type FlowLive } from './flowController';
import { createFlowStore } from './flowStore';
import { loadFlow, saveFlow } from './persistence';
import { useThreepidClient } from './ThreepidProvider';
import type { ThreepidFlow, ThreepidFlowOptions } from './types';
import { useLinkPolling } from './useLinkPolling';

export type { AuthRequiredHandler, FlowResult, PhoneAddress, ThreepidFlow, ThreepidFlowOptions } from './types';

const DEFAULT_POLL_MS = 3000;
const ACCOUNT_REFRESH_MS = 30_000;

// Capabilities are cached per flow instance: react-query hashes keys as JSON, where every client object looks like
// `{}` (so two servers would share an answer), and keying by object identity would refetch forever for a host that
// builds a new client on each render.
let lastFlowId = 0;

/** Drives one request → wait → submit → complete flow through react-query mutations. */
export function useThreepidFlow(options: ThreepidFlowOptions): ThreepidFlow {
  return useFlowEngine(options, everyPurpose);
}

/** `useThreepidFlow` with one purpose's engine only (the flow components'), so bundlers drop the other purposes. */
export function useFlowEngine(options: ThreepidFlowOptions, engine: FlowEngine): ThreepidFlow {
  const client = useThreepidClient(options.client);
  if (!useContext(QueryClientContext)) {
    // Otherwise react-query's own error would not say which provider the kit needs.
    throw new Error('matrix-threepid-kit: useThreepidFlow needs a react-query client: wrap it in <ThreepidProvider client={…}>.');
  }
  const { purpose, medium, persist } = options;
  const persistKey = options.persistKey ?? `matrix-threepid-kit:${purpose}:${medium}`;

  // Every network step is a mutation of its own, keyed `['matrix-threepid-kit', step]`, so a host sees it with
  // useIsMutating / useMutationState / the devtools. Set here, whatever the host's QueryClient defaults say: a retry
  // must be the person's choice (it spends the server's rate limit, and a wrong code or password is not worth
  // repeating), and the protocol client reports offline/timeout itself: react-query's online guess must not pause a
  // step forever. No variables: the step's closure holds what it sends, so no secret sits in the mutation cache.
  const queryClient = useQueryClient();
  const send: FlowLive['send'] = (step, work) => {
    const observer = new MutationObserver(queryClient, {
      mutationKey: ['matrix-threepid-kit', step],
      mutationFn: work,
      retry: false,
      // react-query holds a step back only in mode 'online' (its default); an emptied mode starts at once as well, and
      // the one other use of the mode, resuming a paused retry, needs retries, which are off.
      // Stryker disable next-line StringLiteral: see above.
      networkMode: 'always',
    });
    // Let go once settled, so the cache forgets the mutation after its gcTime (as it would on unmount with useMutation).
    return observer.mutate().finally(() => observer.reset());
  };
  const latest: FlowLive = { client, options, persistKey, send };
  const live = useRef(latest);
  live.current = latest;

  const [[store, flow, flowId]] = useState(() => {
    const created = createFlowStore(
      createInitialState({
        purpose,
        medium,
        passwordStep: options.passwordStep ?? 'before-link',
        resendCooldownMs: options.resendCooldownMs ?? DEFAULT_RESEND_COOLDOWN_MS,
      }),
      engine.transition,
    );
    return [created, createFlowController(created, live, engine), ++lastFlowId] as const;
  });
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);

  // --- Capabilities (add flows): read once per flow, before showing a form that might not work.
  // Our own abort signal, not react-query's: that one fires on StrictMode's trial unmount and the read is sent twice.
  // Ours fires a tick after the unmount, and a remount in that tick (StrictMode) keeps the read going.
  const capabilitiesRead = useRef<AbortController | undefined>(undefined);
  const mounts = useRef(0);
  // `flow` comes from useState and never changes: with or without it the effect runs once per mount.
  // Stryker disable ArrayDeclaration: see above (a comment beside the dependency list is not read by Stryker).
  useEffect(() => {
    // Only telling this mount from a later one matters: counting down would do as well.
    // Stryker disable next-line UpdateOperator: see above.
    const mount = ++mounts.current;
    flow.setMounted(true);
    return () => {
      flow.setMounted(false);
      setTimeout(() => mount === mounts.current && capabilitiesRead.current?.abort(), 0);
    };
  }, [flow]);
  // Stryker restore ArrayDeclaration
  // A reset reads the server in the background from its first screen; an add flow before it (step `checking`).
  const check = useQuery({
    queryKey: ['matrix-threepid-kit', 'capabilities', flowId],
    queryFn: () => {
      const controller = new AbortController();
      capabilitiesRead.current = controller;
      return checkServer(client, purpose, controller.signal);
    },
    enabled: purpose === 'reset' || state.step === 'checking',
    retry: false,
    networkMode: 'always',
    staleTime: 60_000,
  });
  useEffect(() => {
    const { capabilities, accountManagement } = check.data ?? {};
    // CAPABILITIES.* outside `checking` (an answer met again on a later step) is ignored by the machine itself.
    if (accountManagement) store.dispatch({ type: 'ACCOUNT.MANAGED', accountManagement });
    else if (capabilities) store.dispatch({ type: 'CAPABILITIES.SUCCESS', capabilities });
    else if (check.isError) store.dispatch({ type: 'CAPABILITIES.FAILURE' });
  }, [check.data, check.isError, store, state.step]);
  // The account page is where addresses change now: the list is read at once, again whenever the person comes back
  // to the tab, and now and then while they stay (the link poller's rhythm, slowed right down).
  useLinkPolling(purpose === 'add' && state.step === 'accountManagement', ACCOUNT_REFRESH_MS, flow.refreshThreepids, true);

  // --- Resume after a reload, and keep the session saved while waiting.
  useEffect(() => {
    const saved = persist && loadFlow(persist, persistKey, purpose === 'reset' ? undefined : medium, live.current.options.tokenLifetimeMs);
    if (saved) store.dispatch({ type: 'RESTORE', ...saved });
    // Read once per storage and key: a new options object each render must not restore again.
  }, [store, persist, persistKey, purpose, medium]);
  useEffect(() => {
    if (persist) saveFlow(persist, persistKey, state);
  }, [persist, persistKey, state]);

  // --- Errors to the host.
  useEffect(() => {
    if (state.error) live.current.options.onError?.(state.error);
  }, [state.error]);

  // --- Cooldown: re-render once when resend becomes available (the countdown itself ticks in the UI).
  // Any new count re-renders; the count itself is never read.
  // Stryker disable next-line ArithmeticOperator: see above.
  const [, rerender] = useReducer((ticks: number) => ticks + 1, 0);
  const now = Date.now();
  const availableAt = resendAvailableAt(state, now);
  useEffect(() => {
    if (availableAt === undefined) return;
    const timer = setTimeout(rerender, Math.max(0, availableAt - Date.now()));
    return () => clearTimeout(timer);
  }, [availableAt]);

  // --- Finish by ourselves once the link is followed, where that is safe (see useLinkPolling).
  // At least half a second between polls: 0 would hammer the server.
  const pollMs = options.pollIntervalMs === false ? false : Math.max(500, options.pollIntervalMs ?? DEFAULT_POLL_MS);
  // Reset can finish once it knows the new password; add once UIA is done. Before that, an add flow's first poll
  // goes at once and meets UIA: the link screen then asks for the password while the person waits (AUTH.EARLY).
  // A sign-up stage at once (it is itself the UIA). Not after another error (a cancelled confirmation, say): the
  // screen must not promise what no poll will do.
  const uiaStarted = state.session?.uiaSession !== undefined;
  const quiet = !state.error || state.error.kind === 'notYetValidated';
  const autoDetects =
    pollMs !== false && quiet && (purpose === 'reset' ? state.newPassword !== undefined : purpose !== 'add' || (uiaStarted && !state.earlyAuth));
  const pollAllowed = pollMs !== false && (purpose === 'add' || autoDetects) && state.step === 'awaitingLink' && !state.earlyAuth && quiet;
  useLinkPolling(pollAllowed, pollMs || DEFAULT_POLL_MS, flow.poll, purpose === 'add' && !uiaStarted);

  return {
    state,
    ...flow.actions,
    canResend: canResend(state, now),
    resendAvailableAt: availableAt,
    isBusy: isBusy(state),
    autoDetects,
  };
}
