import { useEffect, useReducer, type ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';

/**
 * Resend and change-address, shared by the link and code screens. Resend counts down while cooling down; only this
 * footer re-renders each second, and the countdown is not in a live region, so screen readers are not flooded (the
 * flow announces when a message was sent).
 */
export function WaitingActions({ flow }: { flow: ThreepidFlow }): ReactNode {
  const { t, part } = useFlowUi();
  const { state, resendAvailableAt } = flow;
  const email = state.config.medium === 'email';
  // Re-render each second while cooling down; the seconds are read from the clock at render.
  const [, tick] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (resendAvailableAt === undefined) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [resendAvailableAt]);
  const seconds = resendAvailableAt === undefined ? 0 : Math.max(0, Math.ceil((resendAvailableAt - Date.now()) / 1000));
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
        {!cooling
          ? t(email ? 'common.resendEmail' : 'common.resendCode')
          : seconds > 90
            ? t('common.resendInMinutes', { minutes: Math.ceil(seconds / 60) })
            : t('common.resendIn', { seconds })}
      </Button>
      <Button part="link" onClick={flow.changeAddress}>
        {t(email ? 'common.changeEmail' : 'common.changePhone')}
      </Button>
    </div>
  );
}
