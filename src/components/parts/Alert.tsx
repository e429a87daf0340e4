import { useMemo, type ReactNode } from 'react';
import type { FlowError, FlowState, ValidationSession } from '../../flow/types';
import { errorMessage } from '../../i18n/errorMessage';
import { useFlowUi } from '../FlowUi';

/**
 * The error as the person lives it. After a 429 the flow waits until the session's `cooldownUntil`, which can be
 * longer than the server's Retry-After (our own resend cooldown is never shortened): name that wait, so the message
 * and the resend countdown agree.
 */
function asLived(error: FlowError, session: ValidationSession | undefined, now: number): FlowError {
  // Only a refused request sets the cooldown; a 429 elsewhere (finishing) keeps the server's own wait.
  const cooldownUntil = session?.lastRequestFailed ? session.cooldownUntil : undefined;
  if (error.kind !== 'rateLimited' || cooldownUntil === undefined) return error;
  const wait = cooldownUntil - now;
  return wait > (error.retryAfterMs ?? 0) ? { ...error, retryAfterMs: wait } : error;
}

/** Shows the flow's error in words, announced at once (role="alert"). */
export function Alert({ state, id }: { state: FlowState; id: string }): ReactNode {
  const { t, part } = useFlowUi();
  const { error, session } = state;
  // Keyed on the error alone: worked out once when it appears, because the text of a role="alert" must not change
  // (and be re-announced) while the wait runs down.
  const message = useMemo(() => (error ? errorMessage(asLived(error, session, Date.now()), t) : ''), [error, t]);
  if (!error) return null;
  return (
    <div {...part('alert', error.kind)} id={id} role="alert">
      {message}
    </div>
  );
}
