import { toFlowError, type FailedCall } from '../flow/errors';
import { isAskingAuth } from '../flow/selectors';
import type { FlowError, FlowEvent, FlowState, ValidationSession } from '../flow/types';
import { sameUia } from '../flow/uia';
import { generateClientSecret } from '../protocol/clientSecret';
import { MatrixApiError, isUiaRequired } from '../protocol/errors';
import type { AuthDict, ThreepidClient } from '../protocol/types';
import { isValidNextLink } from '../protocol/urlSafety';
import { findAccountManagement } from './accountManagement';
import type { FlowEngine } from './engines';
import { openFallbackAuth } from './fallbackAuth';
import type { FlowStore } from './flowStore';
import { clearFlow } from './persistence';
import type { PhoneAddress, ThreepidFlow, ThreepidFlowOptions } from './types';

/** The network steps: each runs as its own react-query mutation, keyed `['matrix-threepid-kit', step]`. */
export type NetworkStep = 'requestToken' | 'submitToken' | 'whoami' | 'complete' | 'poll' | 'authMetadata' | 'threepids';

/** What the controller reads afresh on every call: the hook refreshes it on each render. */
export interface FlowLive {
  client: ThreepidClient;
  options: ThreepidFlowOptions;
  persistKey: string;
  /** Runs one network step as a react-query mutation and resolves with what the step resolved. */
  send: (step: NetworkStep, work: () => Promise<unknown>) => Promise<unknown>;
}

/** The actions of `ThreepidFlow`, plus what the hook needs to poll and to clean up. */
export interface FlowController {
  actions: Omit<ThreepidFlow, 'state' | 'canResend' | 'resendAvailableAt' | 'isBusy' | 'autoDetects'>;
  /** One silent check for the followed link; resolves true to keep polling. */
  poll(): Promise<boolean>;
  /** Reads the account's addresses again (step `accountManagement`); resolves true, to keep reading them. */
  refreshThreepids(): Promise<boolean>;
  /** Mounted (again, under StrictMode) or unmounted: an unmounted flow aborts its requests and ignores late answers. */
  setMounted(mounted: boolean): void;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Answers to an auth attempt that change nothing, in a row, before the kit stops asking (host, password or window). */
const MAX_STALLS = 3;

/** What a retry of completion sends: the UIA session once the server started one (passed stages persist there). */
const resumeAuth = (session: ValidationSession): AuthDict | undefined =>
  session.uiaSession ? { session: session.uiaSession } : undefined;

/**
 * The network side of one flow, outside React so every action is created once: each action applies its event to the
 * store, and starts network work only when the event moved the flow (a second click while the first is in flight
 * sends nothing).
 */
export function createFlowController(store: FlowStore, live: { readonly current: FlowLive }, engine: FlowEngine): FlowController {
  // In-flight requests (and the fallback popup), aborted on unmount, reset and address change.
  const controllers = new Set<AbortController>();
  let mounted = true;
  let userId: string | undefined;
  let fallback: AbortController | undefined;
  let stalls = 0;

  /** The typed error, without any secret the flow holds (a server may echo one from an earlier request). */
  const fail = (err: unknown, call: FailedCall): FlowError => {
    const { session, draft, newPassword } = store.get();
    // Stryker disable next-line OptionalChaining: every call that can fail runs inside a validation session.
    return toFlowError(err, call, [session?.clientSecret, draft.code, newPassword]);
  };

  /** A failed completion as the machine takes it: the typed error, and the server's UIA prompt if it sent one. */
  const completeFailure = (err: unknown): Extract<FlowEvent, { type: 'COMPLETE.FAILURE' }> => ({
    type: 'COMPLETE.FAILURE',
    // Stryker disable next-line StringLiteral: the error mapping has rules of its own for 'request' and 'submitCode' only.
    error: fail(err, 'complete'),
    uia: err instanceof MatrixApiError ? err.uia : undefined,
  });

  const abortAll = (): void => {
    for (const controller of controllers) controller.abort();
    controllers.clear();
  };

  /** Runs one network step with its own abort signal; undefined when aborted or unmounted meanwhile. */
  async function run<T>(step: NetworkStep, work: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | undefined> {
    const controller = new AbortController();
    controllers.add(controller);
    let outcome: Outcome<T>;
    try {
      // The mutation resolves with exactly what `work` resolved.
      outcome = { ok: true, value: (await live.current.send(step, () => work(controller.signal))) as T };
    } catch (error) {
      outcome = { ok: false, error };
    }
    controllers.delete(controller);
    // Only our own abort is silent: a client that gave up by itself (a host's fetch wrapper, say) is a failure to show.
    return controller.signal.aborted || !mounted ? undefined : outcome;
  }

  /** A completion succeeded: done, and the host told, once (a second answer for the session finds the flow done). */
  function succeed(): void {
    const { options, persistKey } = live.current;
    // The machine takes COMPLETE.SUCCESS on the completing and auth steps only, and always to done with the session.
    const done = store.advance({ type: 'COMPLETE.SUCCESS' });
    if (!done?.session) return;
    // A sign-in window still open for a prompt the success made moot goes with it.
    fallback?.abort();
    if (options.persist) clearFlow(options.persist, persistKey);
    const { medium, address } = done.session;
    options.onComplete?.({
      purpose: done.config.purpose,
      medium,
      // A number shown in international form (+44 7700 900123, as the kit's forms send it) becomes E.164 by
      // dropping its spacing; one given only in national form has no country code to add and stays as given.
      ...(medium === 'msisdn' ? { address: address[0] === '+' ? address.replace(/[^\d+]/g, '') : address, display: address } : { address }),
      ...(done.config.purpose === 'reset' ? { logoutDevices: done.logoutDevices } : {}),
    });
  }

  async function complete(next: FlowState | undefined, auth?: AuthDict): Promise<void> {
    const session = next?.session;
    // Stryker disable next-line OptionalChaining: the completing step always has a session (only its sid may be missing).
    if (next?.step !== 'completing' || !session?.sid) return;
    const sid = session.sid;
    const outcome = await run('complete', (signal) => engine.complete(live.current.client, next, { ...session, sid }, auth ?? resumeAuth(session), signal));
    if (!outcome) return;
    if (outcome.ok) return succeed();
    const after = store.dispatch(completeFailure(outcome.error));
    // An answer to an attempt that moved nothing: after a few in a row, stop (a host answering at once would loop).
    stalls = next.uia && after.uia && sameUia(next.uia, after.uia) ? stalls + 1 : 0;
    if (stalls >= MAX_STALLS) {
      stalls = 0;
      return void store.dispatch({ type: 'AUTH.CANCEL', error: { kind: 'authLoop' } });
    }
    await askHost(after);
  }

  /**
   * The host's dialog replaces the kit's prompt, so it is asked again after a wrong answer, with the reason.
   * A dialog that failed counts as giving up: back to waiting, where the person can try again.
   */
  async function askHost(after: FlowState): Promise<void> {
    const onAuthRequired = live.current.options.onAuthRequired;
    const uia = after.uia;
    // The machine keeps a prompt (`uia`) only while it asks for auth, so `&&` here would change nothing.
    // Stryker disable next-line LogicalOperator: see above.
    if (!isAskingAuth(after) || !uia || !onAuthRequired) return;
    // Stryker disable next-line ArrowFunction: null and undefined both mean "no answer".
    const hostAuth = await onAuthRequired(uia, after.error).catch(() => null);
    // Still on the same prompt: the person may have moved on meanwhile. Every way off the prompt also makes the machine
    // ignore AUTH.START and AUTH.CANCEL, so only the unmount check changes what a host sees.
    // Stryker disable next-line ConditionalExpression: see above.
    if (!mounted || store.get().uia !== uia) return;
    if (hostAuth) await complete(store.dispatch({ type: 'AUTH.START' }), { session: uia.session, ...hostAuth });
    else store.dispatch({ type: 'AUTH.CANCEL' });
  }

  async function request(next: FlowState | undefined): Promise<void> {
    const session = next?.session;
    if (next?.step !== 'requesting' || !session) return;
    const { client, options } = live.current;
    const { purpose } = next.config;
    if (options.nextLink !== undefined && !isValidNextLink(options.nextLink)) {
      // The host's mistake, not the person's or the server's: say so where the host looks, and send nothing.
      console.error('matrix-threepid-kit: the `nextLink` prop must be an http(s) URL; nothing was sent.');
      return void store.dispatch({ type: 'REQUEST.FAILURE', error: { kind: 'misconfigured', prop: 'nextLink' }, now: Date.now() });
    }
    // A reset checks the server in the background; its first request waits for that answer (kept by the client), so
    // an OAuth-era server never gets a legacy request.
    if (purpose === 'reset') {
      const managed = await run('authMetadata', (signal) => findAccountManagement(client, purpose, signal));
      if (!managed) return;
      // The hook's own read of the server dispatches the same answer (the client keeps it): this one is for the order.
      // Stryker disable next-line ObjectLiteral,StringLiteral: see above.
      if (managed.ok && managed.value) return void store.dispatch({ type: 'ACCOUNT.MANAGED', accountManagement: managed.value });
    }
    const common = { clientSecret: session.clientSecret, sendAttempt: session.sendAttempt, ...(options.nextLink ? { nextLink: options.nextLink } : {}) };
    const outcome = await run('requestToken', (signal) => {
      if (session.medium === 'email') return client.requestToken(purpose, { medium: 'email', email: session.address, ...common }, signal);
      // A phone number given as a bare string has no dialling country: refuse it here, as the client refuses bad
      // params (status 0: nothing was sent), rather than send a request the server can only reject.
      if (!session.country) throw new MatrixApiError({ status: 0, errcode: 'M_INVALID_PARAM' });
      const phone = { medium: 'msisdn', country: session.country, phoneNumber: session.phoneNumber ?? session.address } as const;
      return client.requestToken(purpose, { ...phone, ...common }, signal);
    });
    if (!outcome) return;
    store.dispatch(
      outcome.ok
        ? { type: 'REQUEST.SUCCESS', sid: outcome.value.sid, submitUrl: outcome.value.submitUrl, now: Date.now() }
        : { type: 'REQUEST.FAILURE', error: fail(outcome.error, 'request'), now: Date.now() },
    );
  }

  /** Where the person answers the server's UIA: the new step, or undefined when not on the auth step. */
  function startAuth(): { next: FlowState; session: string | undefined } | undefined {
    const session = store.get().uia?.session;
    const next = store.advance({ type: 'AUTH.START' });
    return next && { session, next };
  }

  const actions: FlowController['actions'] = {
    request(address: string | PhoneAddress) {
      // Only plain spaces and line breaks are trimmed: every other invisible character is refused, not silently dropped.
      const typed =
        typeof address === 'string'
          ? { address: address.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '') }
          : { address: address.display ?? address.phoneNumber, country: address.country.toUpperCase(), phoneNumber: address.phoneNumber };
      void request(store.advance({ type: 'ADDRESS.SUBMIT', ...typed, clientSecret: generateClientSecret(), now: Date.now() }));
    },
    resend() {
      void request(store.advance({ type: 'RESEND', now: Date.now() }));
    },
    submitCode(code: string) {
      const token = code.replace(/[\s-]/g, '');
      const next = store.advance({ type: 'CODE.SUBMIT', code: token });
      const session = next?.session;
      // The machine takes CODE.SUBMIT on the code step only, whose session always has its submit_url and sid: the
      // checks narrow the types.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: see above.
      if (next?.step !== 'submittingCode' || !session?.submitUrl || !session.sid) return;
      const { submitUrl, sid, clientSecret } = session;
      void run('submitToken', (signal) => live.current.client.submitToken(submitUrl, { sid, clientSecret, token }, signal)).then((outcome) => {
        if (outcome?.ok) return complete(store.dispatch({ type: 'CODE.SUCCESS' }));
        if (outcome) store.dispatch({ type: 'CODE.FAILURE', error: fail(outcome.error, 'submitCode') });
      });
    },
    continue() {
      void complete(store.advance({ type: 'CONTINUE', trigger: 'user' }));
    },
    authenticate(auth: { password: string } | AuthDict) {
      const uia = store.get().uia;
      const started = startAuth();
      if (!started) return;
      const { next, session } = started;
      if ('type' in auth || typeof auth.password !== 'string') return void complete(next, { session, ...auth });
      const password = auth.password;
      void (async () => {
        // The password stage names the user: ask the server who the token belongs to, once.
        if (!userId) {
          const who = await run('whoami', (signal) => live.current.client.whoami(signal));
          if (!who) return;
          // Stryker disable next-line StringLiteral: the error mapping has rules of its own for 'request' and 'submitCode' only.
          if (!who.ok) return void store.dispatch({ type: 'COMPLETE.FAILURE', error: fail(who.error, 'complete'), uia });
          userId = who.value.userId;
        }
        await complete(next, { type: 'm.login.password', identifier: { type: 'm.id.user', user: userId }, password, session });
      })();
    },
    authenticateWithFallback(stageType: string) {
      const current = store.get();
      const session = current.uia?.session;
      // One popup at a time: a second click must not open another window over the first.
      if (!isAskingAuth(current) || fallback) return;
      // No session to open the page with, or no stage left: ask the server again instead (bounded like any attempt).
      if (!session || !stageType) {
        const started = startAuth();
        return void (started && complete(started.next, session ? { session } : undefined));
      }
      // Tracked with the requests so unmount, reset and change-address also close the popup.
      const controller = new AbortController();
      controllers.add(controller);
      fallback = controller;
      void openFallbackAuth(live.current.client.fallbackAuthUrl(stageType, session), controller.signal).then((outcome) => {
        controllers.delete(controller);
        // One popup at a time: this one is the only one.
        fallback = undefined;
        // Every way off the prompt aborts the popup, and the machine ignores AUTH.FAILURE and AUTH.START off it: after
        // an abort only the unmount matters, and an unmounted flow's state is read by no one.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: see above.
        if (controller.signal.aborted || !mounted || !isAskingAuth(store.get())) return;
        // Closed unfinished: say so, rather than leave "waiting for the other window" on screen.
        if (outcome !== 'done') store.dispatch({ type: 'AUTH.FAILURE', error: { kind: outcome === 'blocked' ? 'popupBlocked' : 'authCancelled' } });
        else return complete(store.dispatch({ type: 'AUTH.START' }), { session });
      });
    },
    cancelAuth() {
      fallback?.abort();
      store.dispatch({ type: 'AUTH.CANCEL' });
    },
    setNewPassword(password: string, opts?: { logoutDevices?: boolean | undefined }) {
      const next = store.advance({ type: 'PASSWORD.SUBMIT', password, logoutDevices: opts?.logoutDevices ?? false });
      void (next?.step === 'requesting' ? request(next) : complete(next));
    },
    changeAddress() {
      abortAll();
      store.dispatch({ type: 'ADDRESS.CHANGE' });
    },
    switchMedium(medium) {
      store.dispatch({ type: 'MEDIUM.SWITCH', medium });
    },
    dismissError() {
      store.dispatch({ type: 'ERROR.DISMISS' });
    },
    reset() {
      abortAll();
      const { options, persistKey } = live.current;
      if (options.persist) clearFlow(options.persist, persistKey);
      store.dispatch({ type: 'RESET' });
    },
  };

  return {
    actions,
    async poll() {
      // The step stays on screen while a poll runs, so resend and change-address keep working meanwhile.
      const current = store.get();
      const session = current.session;
      // The poller runs only while the step is awaitingLink (useThreepidFlow's pollAllowed), whose session has a sid:
      // the checks narrow the types.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining,BooleanLiteral: see above.
      if (current.step !== 'awaitingLink' || !session?.sid) return false;
      const sid = session.sid;
      const outcome = await run('poll', (signal) => engine.complete(live.current.client, current, { ...session, sid }, resumeAuth(session), signal));
      // From here on, `false` (stop) goes with leaving awaitingLink or unmounting, and the poller's effect stops then
      // whatever poll answers (pollAllowed in useThreepidFlow): the BooleanLiteral mutants of those answers are
      // equivalent. Only "not yet" (true) keeps the poller going on the same step.
      // Stryker disable next-line BooleanLiteral: see above.
      if (!outcome) return false;
      if (store.get().step !== 'awaitingLink') {
        // The person clicked "continue" while this check was on its way: a success is the answer theirs waits for.
        if (outcome.ok) succeed();
        // Stryker disable next-line BooleanLiteral: see above.
        return false;
      }
      const failure = outcome.ok ? undefined : completeFailure(outcome.error);
      if (failure?.error.kind === 'notYetValidated') return true;
      // Auth first (Synapse): ask for it on the link screen, and stop polling until it is given.
      if (!outcome.ok && isUiaRequired(outcome.error)) {
        await askHost(store.dispatch({ type: 'AUTH.EARLY', uia: outcome.error.uia }));
        // Stryker disable next-line BooleanLiteral: see above (the early prompt stops the poller too).
        return false;
      }
      // The trigger tells a click from a check while the step is completing; here the answer follows in the same tick.
      // Stryker disable next-line StringLiteral: see above.
      store.dispatch({ type: 'CONTINUE', trigger: 'poll' });
      if (failure) store.dispatch(failure);
      else succeed();
      // Stryker disable next-line BooleanLiteral: see above.
      return false;
    },
    async refreshThreepids() {
      const outcome = await run('threepids', (signal) => live.current.client.getThreepids(signal));
      // A list that cannot be read stays as it was: it is a courtesy, the account page is the answer.
      if (outcome?.ok) store.dispatch({ type: 'ACCOUNT.THREEPIDS', threepids: outcome.value });
      return true;
    },
    setMounted(now) {
      mounted = now;
      // Stryker disable next-line ConditionalExpression: nothing is in flight when a flow mounts, so aborting then is a no-op.
      if (!now) abortAll();
    },
  };
}
