import type { FlowState, ValidationSession } from '../flow/types';

/** The part of `Storage` the kit uses (e.g. `sessionStorage`). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a reload needs to resume: the session (never a password) and where the person was. */
interface SavedFlow {
  v: 1;
  step: 'awaitingCode' | 'awaitingLink';
  session: ValidationSession;
}

/** Default storage key for a flow. */
export function defaultPersistKey(purpose: string, medium: string): string {
  return `matrix-threepid-kit:${purpose}:${medium}`;
}

function isSession(value: unknown): value is ValidationSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.medium === 'email' || v.medium === 'msisdn') &&
    typeof v.address === 'string' &&
    typeof v.clientSecret === 'string' &&
    typeof v.sid === 'string' &&
    typeof v.sendAttempt === 'number'
  );
}

/** Saves the session while the person waits for the email/SMS; clears it otherwise. */
export function saveFlow(storage: StorageLike, key: string, state: FlowState): void {
  try {
    const { step, session } = state;
    if ((step === 'awaitingCode' || step === 'awaitingLink') && session?.sid) {
      // Only what a resume needs: no UIA session, no error, no password.
      const { uiaSession: _uia, uiaCompleted: _done, ...kept } = session;
      const saved: SavedFlow = { v: 1, step, session: kept };
      storage.setItem(key, JSON.stringify(saved));
    } else if (step === 'done' || step === 'enterAddress') {
      storage.removeItem(key);
    }
  } catch {
    // Storage full or blocked (private mode): resuming is a nicety, not a requirement.
  }
}

/** Reads a saved session if it is well-formed, of this medium, and younger than the token lifetime. */
export function loadFlow(
  storage: StorageLike,
  key: string,
  medium: string,
  now: number,
  lifetimeMs: number,
): { step: 'awaitingCode' | 'awaitingLink'; session: ValidationSession } | undefined {
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    const saved = parsed as Partial<SavedFlow> | null;
    const valid =
      saved?.v === 1 &&
      (saved.step === 'awaitingCode' || saved.step === 'awaitingLink') &&
      isSession(saved.session) &&
      saved.session.medium === medium &&
      now - (saved.session.startedAt ?? 0) < lifetimeMs;
    if (!valid || !saved.step || !saved.session) {
      storage.removeItem(key);
      return undefined;
    }
    return { step: saved.step, session: saved.session };
  } catch {
    return undefined;
  }
}

/** Forgets a saved flow. */
export function clearFlow(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // See saveFlow.
  }
}
