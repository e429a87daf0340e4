import { QueryClientContext, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { toFlowError } from '../flow/errors';
import { createInitialState, DEFAULT_RESEND_COOLDOWN_MS } from '../flow/machine';
import { canResend, isBusy, resendAvailableAt } from '../flow/selectors';
import type { FlowError, FlowEvent, FlowPurpose, FlowState, PasswordStep } from '../flow/types';
import { generateClientSecret } from '../protocol/clientSecret';
import { MatrixApiError, ThreepidNetworkError } from '../protocol/errors';
import type { AuthDict, Medium, ThreepidClient, UiaInfo } from '../protocol/types';
import { openFallbackAuth } from './fallbackAuth';
import { createFlowStore } from './flowStore';
import { clearFlow, defaultPersistKey, loadFlow, saveFlow, type StorageLike } from './persistence';
import { useThreepidClient } from './ThreepidProvider';
import { useLinkPolling } from './useLinkPolling';

/** A phone number as the spec sends it: dialling country and national number. */
export interface PhoneAddress {
  /** ISO-3166-1 alpha-2, upper case. */
  country: string;
  /** The national number, digits only. */
  phoneNumber: string;
  /** How to show it (e.g. E.164 `+447700900123`); default `phoneNumber`. */
  display?: string;
}

/** What `onComplete` receives. */
export interface FlowResult {
  purpose: FlowPurpose;
  medium: Medium;
  address: string;
  /** Reset only: whether other devices were signed out. */
  logoutDevices?: boolean;
}

/**
 * A host's own UIA handling: resolve an auth dict to send, or null to cancel. Called again after a failed stage
 * (e.g. a wrong password), with that error; a rejection counts as cancel.
 */
export type AuthRequiredHandler = (uia: UiaInfo, error?: FlowError) => Promise<AuthDict | null>;

/** Options of `useThreepidFlow`. */
export interface ThreepidFlowOptions {
  purpose: FlowPurpose;
  medium: Medium;
  /** Client to use instead of the provider's. */
  client?: ThreepidClient;
  /** Sent as `next_link`: where the emailed link's page sends the person afterwards (http/https). */
  nextLink?: string;
  /** Wait before another email/SMS can be asked for; default 30 000 ms. */
  resendCooldownMs?: number;
  /** Check for the followed link by itself every N ms (with backoff), or `false`; default 3000 where it is safe. */
  pollIntervalMs?: number | false;
  /** Reset: ask the new password before sending the email, or after the link; default `before-link`. */
  passwordStep?: PasswordStep;
  /** Keep the session across reloads (e.g. `sessionStorage`); never stores passwords. */
  persist?: StorageLike;
  /** Storage key; default `matrix-threepid-kit:{purpose}:{medium}`. */
  persistKey?: string;
  /** How long a saved session stays resumable; default one hour (Synapse's token lifetime). */
  tokenLifetimeMs?: number;
  /** Run your own UIA dialog instead of the kit's password / single-sign-on step. */
  onAuthRequired?: AuthRequiredHandler;
  /** Called once the address is added or the password changed. */
  onComplete?: (result: FlowResult) => void;
  /** Called with every error the person is shown. */
  onError?: (error: FlowError) => void;
}

/** Everything a UI needs to drive one flow. */
export interface ThreepidFlow {
  state: FlowState;
  /** Ask the server to send the email/SMS (email: the address; msisdn: country + national number). */
  request(address: string | PhoneAddress): void;
  /** Ask for another email/SMS (same session, `send_attempt + 1`). */
  resend(): void;
  /** Submit the code from the SMS/email (spaces and dashes are ignored). */
  submitCode(code: string): void;
  /** "I've followed the link": try to finish now. */
  continue(): void;
  /** Answer the server's UIA: a password, or a full auth dict (wire format). */
  authenticate(auth: { password: string } | AuthDict): void;
  /** Complete a UIA stage in the homeserver's fallback page (e.g. single sign-on) in a popup. */
  authenticateWithFallback(stageType: string): void;
  /** Give up the UIA step and go back to waiting. */
  cancelAuth(): void;
  /** Reset: the new password, and whether to sign out other devices (default false). */
  setNewPassword(password: string, options?: { logoutDevices?: boolean }): void;
  /** Back to the address form, keeping what was typed. */
  changeAddress(): void;
  /** Reset only: switch between email and phone. */
  switchMedium(medium: Medium): void;
  /** Hide the current error. */
  dismissError(): void;
  /** Start again from the beginning. */
  reset(): void;
  /** True when resend can be used now. */
  canResend: boolean;
  /** Epoch ms when resend becomes available, while cooling down. */
  resendAvailableAt: number | undefined;
  /** True while a request the person is waiting on is in flight. */
  isBusy: boolean;
  /** True when the flow notices the followed link by itself (polling), so the UI need not ask for a click. */
  autoDetects: boolean;
}

/**
 * Set on every mutation, whatever the host's QueryClient defaults say. A retry must be the person's choice (it
 * spends the server's rate limit, and a wrong code or password is not worth repeating), and the protocol client
 * reports offline/timeout itself: react-query's online guess must not pause a step forever.
 */
const MUTATION_OPTIONS = { retry: false, networkMode: 'always' } as const;

const DEFAULT_POLL_MS = 3000;
const ONE_HOUR_MS = 3_600_000;

// Capabilities are cached per flow instance: react-query hashes keys as JSON, where every client object looks like
// `{}` (so two servers would share an answer), and keying by object identity would refetch forever for a host that
// builds a new client on each render.
let lastFlowId = 0;

function isAborted(err: unknown): boolean {
  return err instanceof ThreepidNetworkError && err.reason === 'aborted';
}

/** What a retry of completion sends: the UIA session once the server started one (passed stages persist there). */
function resumeAuth(state: FlowState): AuthDict | undefined {
  return state.session?.uiaSession ? { session: state.session.uiaSession } : undefined;
}

/** A failed completion as the machine takes it: the typed error, and the server's UIA prompt if it sent one. */
function completeFailure(err: unknown): Extract<FlowEvent, { type: 'COMPLETE.FAILURE' }> {
  return { type: 'COMPLETE.FAILURE', error: toFlowError(err, 'complete'), uia: err instanceof MatrixApiError ? err.uia : undefined };
}

function passwordStageAuth(userId: string, password: string, session: string | undefined): AuthDict {
  return { type: 'm.login.password', identifier: { type: 'm.id.user', user: userId }, password, session };
}

/** Drives one request → wait → submit → complete flow through react-query mutations. */
export function useThreepidFlow(options: ThreepidFlowOptions): ThreepidFlow {
  const client = useThreepidClient(options.client);
  if (!useContext(QueryClientContext)) {
    // Otherwise react-query's own error would not say which provider the kit needs.
    throw new Error('matrix-threepid-kit: useThreepidFlow needs a react-query client: wrap it in <ThreepidProvider client={…}>.');
  }
  const { purpose, medium } = options;
  const persistKey = options.persistKey ?? defaultPersistKey(purpose, medium);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const [store] = useState(() =>
    createFlowStore(
      createInitialState({
        purpose,
        medium,
        passwordStep: options.passwordStep ?? 'before-link',
        resendCooldownMs: options.resendCooldownMs ?? DEFAULT_RESEND_COOLDOWN_MS,
      }),
    ),
  );
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const [flowId] = useState(() => {
    lastFlowId += 1;
    return lastFlowId;
  });

  // In-flight requests, aborted on unmount, reset and address change.
  const controllers = useRef(new Set<AbortController>());
  const mounted = useRef(true);
  const userIdRef = useRef<string | undefined>(undefined);
  const fallback = useRef<AbortController | undefined>(undefined);
  const abortAll = useCallback(() => {
    for (const controller of controllers.current) controller.abort();
    controllers.current.clear();
  }, []);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      abortAll();
    };
  }, [abortAll]);

  const requestMutation = useMutation({
    ...MUTATION_OPTIONS,
    mutationFn: ({ next, signal }: { next: FlowState; signal: AbortSignal }) => {
      const session = next.session;
      if (!session) throw new ThreepidNetworkError('aborted');
      const nextLink = optionsRef.current.nextLink;
      const common = { clientSecret: session.clientSecret, sendAttempt: session.sendAttempt, ...(nextLink ? { nextLink } : {}) };
      if (session.medium === 'email') {
        return client.requestToken(next.config.purpose, { medium: 'email', email: session.address, ...common }, signal);
      }
      // A phone number given as a bare string has no dialling country: refuse it here, as the client refuses bad
      // params (status 0: nothing was sent), rather than send a request the server can only reject.
      const country = session.country;
      if (!country) throw new MatrixApiError({ status: 0, errcode: 'M_INVALID_PARAM' });
      return client.requestToken(
        next.config.purpose,
        { medium: 'msisdn', country, phoneNumber: session.phoneNumber ?? session.address, ...common },
        signal,
      );
    },
  });
  const submitCodeMutation = useMutation({
    ...MUTATION_OPTIONS,
    mutationFn: ({ submitUrl, sid, clientSecret, token, signal }: { submitUrl: string; sid: string; clientSecret: string; token: string; signal: AbortSignal }) =>
      client.submitToken(submitUrl, { sid, clientSecret, token }, signal),
  });
  const completeMutation = useMutation({
    ...MUTATION_OPTIONS,
    mutationFn: ({ next, auth, signal }: { next: FlowState; auth: AuthDict | undefined; signal: AbortSignal }) => {
      const session = next.session;
      if (!session?.sid) throw new ThreepidNetworkError('aborted');
      const creds = { sid: session.sid, clientSecret: session.clientSecret };
      if (next.config.purpose === 'add') return client.addThreepid(creds, auth, signal);
      return client.changePassword(
        {
          newPassword: next.newPassword,
          logoutDevices: next.logoutDevices,
          auth: {
            type: session.medium === 'email' ? 'm.login.email.identity' : 'm.login.msisdn',
            threepid_creds: { sid: session.sid, client_secret: session.clientSecret },
            ...(session.uiaSession ? { session: session.uiaSession } : {}),
          },
        },
        signal,
      );
    },
  });
  const whoamiMutation = useMutation({ ...MUTATION_OPTIONS, mutationFn: (signal: AbortSignal) => client.whoami(signal) });

  /** Runs one network step with its own abort controller; undefined when aborted or unmounted. */
  const run = useCallback(
    async <T,>(work: (signal: AbortSignal) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> => {
      const controller = new AbortController();
      controllers.current.add(controller);
      try {
        const value = await work(controller.signal);
        return controller.signal.aborted || !mounted.current ? undefined : { ok: true, value };
      } catch (error) {
        return controller.signal.aborted || !mounted.current || isAborted(error) ? undefined : { ok: false, error };
      } finally {
        controllers.current.delete(controller);
      }
    },
    [],
  );

  const finish = useCallback(
    (done: FlowState): void => {
      const session = done.session;
      if (done.step !== 'done' || !session) return;
      const storage = optionsRef.current.persist;
      if (storage) clearFlow(storage, persistKey);
      optionsRef.current.onComplete?.({
        purpose: done.config.purpose,
        medium: session.medium,
        address: session.address,
        ...(done.config.purpose === 'reset' ? { logoutDevices: done.logoutDevices } : {}),
      });
    },
    [persistKey],
  );

  const complete = useCallback(
    async (next: FlowState, explicitAuth?: AuthDict): Promise<void> => {
      if (next.step !== 'completing') return;
      const auth = explicitAuth ?? resumeAuth(next);
      const outcome = await run((signal) => completeMutation.mutateAsync({ next, auth, signal }));
      if (!outcome) return;
      if (outcome.ok) {
        finish(store.dispatch({ type: 'COMPLETE.SUCCESS' }));
        return;
      }
      const after = store.dispatch(completeFailure(outcome.error));
      const onAuthRequired = optionsRef.current.onAuthRequired;
      if (after.step !== 'authenticating' || !after.uia || !onAuthRequired) return;
      // The host's dialog replaces the kit's step, so it is asked again after a wrong answer, with the reason.
      let hostAuth: AuthDict | null;
      try {
        hostAuth = await onAuthRequired(after.uia, after.error);
      } catch {
        // A dialog that failed counts as giving up: back to waiting, where the person can try again.
        hostAuth = null;
      }
      if (!mounted.current || store.get().step !== 'authenticating') return;
      if (hostAuth) {
        const resumed = store.dispatch({ type: 'AUTH.START' });
        await complete(resumed, { session: after.uia.session, ...hostAuth });
      } else {
        store.dispatch({ type: 'AUTH.CANCEL' });
      }
    },
    [run, completeMutation, store, finish],
  );

  const sendRequest = useCallback(
    async (next: FlowState): Promise<void> => {
      if (next.step !== 'requesting') return;
      const outcome = await run((signal) => requestMutation.mutateAsync({ next, signal }));
      if (!outcome) return;
      if (outcome.ok) {
        store.dispatch({ type: 'REQUEST.SUCCESS', sid: outcome.value.sid, submitUrl: outcome.value.submitUrl, now: Date.now() });
      } else {
        store.dispatch({ type: 'REQUEST.FAILURE', error: toFlowError(outcome.error, 'request'), now: Date.now() });
      }
    },
    [run, requestMutation, store],
  );

  // --- Capabilities (add flows): read once per flow, before showing a form that might not work.
  // Our own abort signal, not react-query's: that one fires on StrictMode's trial unmount and the read is sent twice.
  // Ours fires a tick after the unmount, and a remount in that tick (StrictMode) keeps the read going.
  const capabilitiesRead = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      setTimeout(() => {
        if (!mounted.current) capabilitiesRead.current?.abort();
      }, 0);
    },
    [],
  );
  const capabilities = useQuery({
    queryKey: ['matrix-threepid-kit', 'capabilities', flowId],
    queryFn: () => {
      const controller = new AbortController();
      capabilitiesRead.current = controller;
      return client.getCapabilities(controller.signal);
    },
    enabled: purpose === 'add' && state.step === 'checking',
    retry: false,
    networkMode: 'always',
    staleTime: 60_000,
  });
  useEffect(() => {
    if (store.get().step !== 'checking') return;
    if (capabilities.data) store.dispatch({ type: 'CAPABILITIES.SUCCESS', capabilities: capabilities.data });
    else if (capabilities.isError) store.dispatch({ type: 'CAPABILITIES.FAILURE' });
  }, [capabilities.data, capabilities.isError, store, state.step]);

  // --- Resume after a reload.
  useEffect(() => {
    const storage = optionsRef.current.persist;
    if (!storage) return;
    const saved = loadFlow(storage, persistKey, medium, Date.now(), optionsRef.current.tokenLifetimeMs ?? ONE_HOUR_MS);
    if (saved) store.dispatch({ type: 'RESTORE', step: saved.step, session: saved.session });
  }, [store, persistKey, medium]);
  useEffect(() => {
    const storage = options.persist;
    if (storage) saveFlow(storage, persistKey, state);
  }, [options.persist, persistKey, state]);

  // --- Errors to the host.
  useEffect(() => {
    if (state.error) optionsRef.current.onError?.(state.error);
  }, [state.error]);

  // --- Cooldown: re-render once when resend becomes available (the countdown itself ticks in the UI).
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
  // Reset can finish once it knows the new password; add once UIA is done (before that, a poll would only meet UIA).
  const autoDetects = pollMs !== false && (purpose === 'reset' ? state.newPassword !== undefined : state.session?.uiaSession !== undefined);
  const pollAllowed = autoDetects && state.step === 'awaitingLink' && (state.error === undefined || state.error.kind === 'notYetValidated');
  const pollOnce = useCallback(async (): Promise<boolean> => {
    // The step stays on screen while a poll runs, so resend and change-address keep working meanwhile.
    const current = store.get();
    if (current.step !== 'awaitingLink') return false;
    const outcome = await run((signal) => completeMutation.mutateAsync({ next: current, auth: resumeAuth(current), signal }));
    if (!outcome || store.get().step !== 'awaitingLink') return false;
    if (!outcome.ok) {
      const failure = completeFailure(outcome.error);
      if (failure.error.kind === 'notYetValidated') return true;
      store.dispatch({ type: 'CONTINUE', trigger: 'poll' });
      store.dispatch(failure);
      return false;
    }
    store.dispatch({ type: 'CONTINUE', trigger: 'poll' });
    finish(store.dispatch({ type: 'COMPLETE.SUCCESS' }));
    return false;
  }, [store, run, completeMutation, finish]);
  useLinkPolling(pollAllowed, pollMs === false ? DEFAULT_POLL_MS : pollMs, pollOnce);

  const actions = useMemo(
    () => ({
      request(address: string | PhoneAddress) {
        const event =
          typeof address === 'string'
            ? { address: address.trim() }
            : { address: address.display ?? address.phoneNumber, country: address.country.toUpperCase(), phoneNumber: address.phoneNumber };
        const next = store.advance({ type: 'ADDRESS.SUBMIT', ...event, clientSecret: generateClientSecret(), now: Date.now() });
        if (next) void sendRequest(next);
      },
      resend() {
        const next = store.advance({ type: 'RESEND', now: Date.now() });
        if (next) void sendRequest(next);
      },
      submitCode(code: string) {
        const token = code.replace(/[\s-]/g, '');
        const next = store.advance({ type: 'CODE.SUBMIT', code: token });
        const session = next?.session;
        if (next?.step !== 'submittingCode' || !session?.submitUrl || !session.sid) return;
        const { submitUrl, sid, clientSecret } = session;
        void (async () => {
          const outcome = await run((signal) => submitCodeMutation.mutateAsync({ submitUrl, sid, clientSecret, token, signal }));
          if (!outcome) return;
          if (outcome.ok) await complete(store.dispatch({ type: 'CODE.SUCCESS' }));
          else store.dispatch({ type: 'CODE.FAILURE', error: toFlowError(outcome.error, 'submitCode') });
        })();
      },
      continue() {
        const next = store.advance({ type: 'CONTINUE', trigger: 'user' });
        if (next) void complete(next);
      },
      authenticate(auth: { password: string } | AuthDict) {
        const current = store.get();
        if (current.step !== 'authenticating') return;
        const session = current.uia?.session;
        const next = store.dispatch({ type: 'AUTH.START' });
        void (async () => {
          if (!('type' in auth) && typeof auth.password === 'string') {
            // The password stage names the user: ask the server who the token belongs to, once.
            if (!userIdRef.current) {
              const who = await run((signal) => whoamiMutation.mutateAsync(signal));
              if (!who) return;
              if (!who.ok) {
                store.dispatch({ type: 'COMPLETE.FAILURE', error: toFlowError(who.error, 'complete'), uia: current.uia });
                return;
              }
              userIdRef.current = who.value.userId;
            }
            await complete(next, passwordStageAuth(userIdRef.current, auth.password, session));
          } else {
            await complete(next, { session, ...auth });
          }
        })();
      },
      authenticateWithFallback(stageType: string) {
        const current = store.get();
        const session = current.uia?.session;
        // One popup at a time: a second click must not open another window over the first.
        if (current.step !== 'authenticating' || !session || fallback.current) return;
        // Tracked with the requests so unmount, reset and change-address also close the popup.
        const controller = new AbortController();
        controllers.current.add(controller);
        fallback.current = controller;
        void (async () => {
          const outcome = await openFallbackAuth(client.fallbackAuthUrl(stageType, session), controller.signal);
          controllers.current.delete(controller);
          if (fallback.current === controller) fallback.current = undefined;
          if (controller.signal.aborted || !mounted.current || store.get().step !== 'authenticating') return;
          if (outcome === 'blocked') store.dispatch({ type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } });
          // Closed unfinished: say so, rather than leave "waiting for the other window" on screen.
          else if (outcome === 'closed') store.dispatch({ type: 'AUTH.FAILURE', error: { kind: 'authCancelled' } });
          else await complete(store.dispatch({ type: 'AUTH.START' }), { session });
        })();
      },
      cancelAuth() {
        fallback.current?.abort();
        store.dispatch({ type: 'AUTH.CANCEL' });
      },
      setNewPassword(password: string, opts?: { logoutDevices?: boolean }) {
        const next = store.advance({ type: 'PASSWORD.SUBMIT', password, logoutDevices: opts?.logoutDevices ?? false });
        if (!next) return;
        if (next.step === 'requesting') void sendRequest(next);
        else void complete(next);
      },
      changeAddress() {
        abortAll();
        store.dispatch({ type: 'ADDRESS.CHANGE' });
      },
      switchMedium(nextMedium: Medium) {
        store.dispatch({ type: 'MEDIUM.SWITCH', medium: nextMedium });
      },
      dismissError() {
        store.dispatch({ type: 'ERROR.DISMISS' });
      },
      reset() {
        abortAll();
        const storage = optionsRef.current.persist;
        if (storage) clearFlow(storage, persistKey);
        store.dispatch({ type: 'RESET' });
      },
    }),
    [store, sendRequest, complete, run, submitCodeMutation, whoamiMutation, client, abortAll, persistKey],
  );

  return {
    state,
    ...actions,
    canResend: canResend(state, now),
    resendAvailableAt: availableAt,
    isBusy: isBusy(state),
    autoDetects,
  };
}
