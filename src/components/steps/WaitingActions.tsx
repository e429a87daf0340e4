import { useEffect, useState, type ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';

/** Seconds left until `until`, rounded up; 0 when past. */
function secondsLeft(until: number | undefined): number {
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/**
 * Resend and change-address, shared by the link and code screens. Resend counts down while cooling down; only this
 * footer re-renders each second, and the countdown is not in a live region, so screen readers are not flooded (the
 * flow announces when a message was sent).
 */
export function WaitingActions({ flow }: { flow: ThreepidFlow }): ReactNode {
  const { t, part } = useFlowUi();
  const { state, resendAvailableAt } = flow;
  const email = state.config.medium === 'email';
  const [seconds, setSeconds] = useState(() => secondsLeft(resendAvailableAt));
  useEffect(() => {
    setSeconds(secondsLeft(resendAvailableAt));
    if (resendAvailableAt === undefined) return;
    // Past the end it keeps setting 0, which React ignores, until the flow drops `resendAvailableAt`.
    const timer = setInterval(() => setSeconds(secondsLeft(resendAvailableAt)), 1000);
    return () => clearInterval(timer);
  }, [resendAvailableAt]);
  const cooling = seconds > 0;
  return (
    <div {...part('footer')}>
      <Button
        part="resend"
        busy={state.step === 'requesting' && 'common.sending'}
        disabled={cooling}
        state={cooling ? 'cooling' : 'ready'}
        onClick={flow.resend}
      >
        {cooling ? t('common.resendIn', { seconds }) : t(email ? 'common.resendEmail' : 'common.resendCode')}
      </Button>
      <Button part="link" onClick={flow.changeAddress}>
        {t(email ? 'common.changeEmail' : 'common.changePhone')}
      </Button>
    </div>
  );
}
