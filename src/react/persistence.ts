import type { FlowState, ValidationSession } from '../flow/types';
import { trustedSession } from './savedSession';

/** The part of `Storage` the kit uses (e.g. `sessionStorage`). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** How long a saved session stays resumable by default: Synapse's token lifetime. */
const ONE_HOUR_MS = 3_600_000;

const isWaiting = (step: FlowState['step']): boolean => step === 'awaitingCode' || step === 'awaitingLink';

/** Saves the session while the person waits for the email/SMS; clears it otherwise. */
export function saveFlow(storage: StorageLike, key: string, { step, session }: Pick<FlowState, 'step' | 'session'>): void {
  try {
    // Stryker disable next-line OptionalChaining: the machine gives every waiting step a session.
    if (isWaiting(step) && session?.sid) {
      // Only what a resume needs: no UIA session, no error, no password.
      const { uiaSession: _uia, uiaCompleted: _done, ...kept } = session;
      storage.setItem(key, JSON.stringify({ v: 1, step, session: kept }));
    } else if (
      step === 'enterAddress' ||
      // Stryker disable next-line ConditionalExpression,StringLiteral: the flow controller forgets the saved flow itself as it succeeds.
      step === 'done'
    ) {
      clearFlow(storage, key);
    }
  } catch {
    // Storage full or blocked (private mode): resuming is a nicety, not a requirement.
  }
}

/**
 * Reads a saved session if it is well-formed, of this medium (either, when `medium` is undefined: a reset can switch),
 * and younger than the token lifetime (see `trustedSession`); anything else is forgotten.
 */
export function loadFlow(
  storage: StorageLike,
  key: string,
  medium: string | undefined,
  lifetimeMs = ONE_HOUR_MS,
): { step: 'awaitingCode' | 'awaitingLink'; session: ValidationSession } | undefined {
  try {
    const raw = storage.getItem(key);
    // A missing entry would parse as JSON null and be refused below; removing an absent key changes nothing.
    // Stryker disable next-line ConditionalExpression: see above.
    if (!raw) return undefined;
    const saved: unknown = JSON.parse(raw);
    // `null.v` would throw into the catch below: nothing resumes either way, and the flow's first save drops the entry.
    // Stryker disable next-line OptionalChaining: see above.
    const session = (saved as { v?: unknown } | null)?.v === 1 ? trustedSession((saved as { session?: unknown }).session, medium, lifetimeMs) : undefined;
    if (session) {
      // The step follows from the session: a code step needs a submit_url.
      // Stryker disable next-line StringLiteral,ConditionalExpression: RESTORE derives the step from the session again.
      return { step: session.submitUrl ? 'awaitingCode' : 'awaitingLink', session };
    }
    clearFlow(storage, key);
  } catch {
    // Unreadable: start afresh.
  }
  return undefined;
}

/** Forgets a saved flow. */
export function clearFlow(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // See saveFlow.
  }
}
