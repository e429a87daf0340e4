import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { DEFAULT_RESEND_COOLDOWN_MS } from '../flow/machine';
import type { Medium, ThreepidClient } from '../protocol/types';
import { findAccountManagement } from './accountManagement';
import { saveFlow, type StorageLike } from './persistence';
import {
  readRegistrationAnswer,
  type RegistrationAuthDict,
  type RegistrationStagePassed,
  type SubmitRegistrationAuth,
} from './registrationAnswer';
import { useThreepidClient } from './ThreepidProvider';
import type { FlowResult, PhoneAddress, ThreepidFlow, ThreepidFlowOptions } from './types';
import { useThreepidFlow } from './useThreepidFlow';

/** A token someone else already asked for (e.g. matrix-js-sdk's `InteractiveAuth` through `requestEmailToken`). */
export interface RequestedToken {
  /** The email address, or the phone number as shown (E.164). */
  address: string;
  clientSecret: string;
  sid: string;
  sendAttempt: number;
  /** The server's `submit_url`, when it gave one: the stage then asks for a code. */
  submitUrl?: string | undefined;
  /** msisdn: the dialling country and national number, so a resend can ask again. */
  country?: string | undefined;
  phoneNumber?: string | undefined;
}

/** What `onComplete` of a registration stage receives: the address, and the server's answer. */
export interface RegistrationStageResult extends FlowResult, RegistrationStagePassed {}

/** Options of `useRegistrationStage`. */
export interface RegistrationStageOptions
  extends Omit<ThreepidFlowOptions, 'purpose' | 'medium' | 'passwordStep' | 'onAuthRequired' | 'onComplete'> {
  /** `email` (default) or `msisdn`: which stage of the server's flow this is. */
  medium?: Medium | undefined;
  /** The UIA `session` of the host's `/register` call (from its first 401). */
  session: string;
  /** Performs the host's `/register` call with this `auth`. */
  submitAuth: SubmitRegistrationAuth;
  /** The address to verify, sent as soon as the stage mounts; omitted, the stage asks for it. */
  address?: string | PhoneAddress | undefined;
  /** A token already asked for: the stage waits for it (and resends on the same session) instead of sending one. */
  requested?: RequestedToken | undefined;
  /** Called once the server passed the stage, with its answer. */
  onComplete?: ((result: RegistrationStageResult) => void) | undefined;
  /**
   * An OAuth-era server's account page (`account_management_uri`): sign-up happens there, so the stage sends nothing
   * and says where to go. Omitted, the stage asks the server itself (`getAuthMetadata`) before sending anything.
   */
  accountManagementUrl?: string | undefined;
}

/** A registration stage: the flow, plus where an OAuth-era server signs people up (when it does). */
export interface RegistrationStage extends ThreepidFlow {
  accountManagementUrl: string | undefined;
}

/** An in-memory `StorageLike`: the way to hand the flow a session it did not start. */
function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/**
 * The client the flow finishes through. The flow finishes every purpose but `add` by sending the validated address
 * as a UIA stage (`{ type, threepid_creds }`) through `changePassword`; here that stage goes to the host's
 * `/register` call instead, in the host's UIA session. The machine and controller thus serve sign-up unchanged, and
 * the other flows carry none of this.
 */
function stageClient(base: ThreepidClient, live: RefObject<RegistrationStageOptions>, passed: RefObject<RegistrationStagePassed | undefined>): ThreepidClient {
  return Object.assign(Object.create(base) as ThreepidClient, {
    async changePassword({ auth }: { auth?: Record<string, unknown> }, signal?: AbortSignal): Promise<void> {
      // Built by the flow controller from the validation session: the stage type and the creds, in wire format.
      const stage = auth as Pick<RegistrationAuthDict, 'type' | 'threepid_creds'>;
      const { session, submitAuth } = live.current;
      let outcome: Parameters<typeof readRegistrationAnswer>[1];
      try {
        const value = await submitAuth({ type: stage.type, threepid_creds: stage.threepid_creds, session }, signal ?? new AbortController().signal);
        outcome = { ok: true, value };
      } catch (error) {
        outcome = { ok: false, error };
      }
      passed.current = readRegistrationAnswer(stage.type, outcome);
    },
  });
}

/**
 * The email or phone stage of a sign-up's User-Interactive Auth, on the same flow as the other hooks: sends the
 * token (`register/{medium}/requestToken`), waits for the link or code, and passes the stage through the host's
 * `submitAuth` — by itself once the link is followed.
 */
export function useRegistrationStage(options: RegistrationStageOptions): RegistrationStage {
  const { medium = 'email', address, requested, accountManagementUrl } = options;
  const live = useRef(options);
  live.current = options;
  const passed = useRef<RegistrationStagePassed | undefined>(undefined);
  const base = useThreepidClient(options.client);
  const client = useMemo(() => stageClient(base, live, passed), [base]);
  const persistKey = options.persistKey ?? `matrix-threepid-kit:register:${medium}`;

  // A token asked for elsewhere is handed over the way a reload resumes a saved one.
  const [persist] = useState(() => {
    if (!requested) return options.persist;
    const storage = options.persist ?? memoryStorage();
    const now = Date.now();
    const cooldownMs = options.resendCooldownMs ?? DEFAULT_RESEND_COOLDOWN_MS;
    const session = { medium, ...requested, startedAt: now, cooldownUntil: now + cooldownMs };
    saveFlow(storage, persistKey, { step: requested.submitUrl ? 'awaitingCode' : 'awaitingLink', session });
    return storage;
  });

  const flow = useThreepidFlow({
    ...options,
    purpose: 'register',
    medium,
    client,
    persist,
    persistKey,
    onComplete: (result) => live.current.onComplete?.({ ...result, response: undefined, ...passed.current }),
  });

  // Where sign-up happens, asked once before anything is sent: an OAuth-era server must get no legacy request. The
  // client keeps its first answer, so StrictMode's second run and later stages cost no request.
  const [service, setService] = useState(() => ({
    known: Boolean(accountManagementUrl || requested || !base.getAuthMetadata),
    url: accountManagementUrl,
  }));
  // Stryker disable ArrayDeclaration: a list of constants as the effect's dependencies never changes either, so it runs once per mount as with [].
  useEffect(() => {
    if (service.known) return;
    let mounted = true;
    const settle = (url?: string) => mounted && setService({ known: true, url });
    // Stryker disable next-line StringLiteral: only 'add' gets the contact-details action; every other purpose, this one included, gets the bare page.
    findAccountManagement(base, 'register').then((found) => settle(found?.url), () => settle());
    return () => void (mounted = false);
    // Asked once per mount: the server does not change under the stage.
  }, []);
  // Stryker restore ArrayDeclaration

  // The address given up front (or typed before the answer came) is sent once the server is known, a tick later, so
  // StrictMode's trial unmount (which aborts requests in flight) cannot strand it.
  const { request } = flow;
  const held = useRef(requested ? undefined : address);
  useEffect(() => {
    const next = held.current;
    if (!next || !service.known || service.url) return;
    const timer = setTimeout(() => {
      held.current = undefined;
      request(next);
    }, 0);
    return () => clearTimeout(timer);
  }, [service]);
  const hold = (next: string | PhoneAddress): void => {
    if (!service.known) held.current = next;
    else if (!service.url) request(next);
  };

  return { ...flow, request: hold, accountManagementUrl: service.url };
}
