import { useEffect, useState, type ReactNode } from 'react';
import { useFlowUi } from '../FlowUi';
import { Button } from './Button';

/** Seconds left until `until`, rounded up; 0 when past. */
function secondsLeft(until: number | undefined): number {
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/**
 * "Resend" that counts down while cooling down. Only this button re-renders each second; the countdown is not in a
 * live region, so screen readers are not flooded (the flow announces when a message was sent).
 */
export function ResendButton({ availableAt, busy, label, onResend }: { availableAt: number | undefined; busy: boolean; label: string; onResend: () => void }): ReactNode {
  const { t } = useFlowUi();
  const [seconds, setSeconds] = useState(() => secondsLeft(availableAt));
  useEffect(() => {
    setSeconds(secondsLeft(availableAt));
    if (availableAt === undefined) return;
    const timer = setInterval(() => {
      const left = secondsLeft(availableAt);
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [availableAt]);
  const cooling = seconds > 0;
  return (
    <Button
      part="resend"
      variant="secondary"
      busy={busy}
      busyLabel={t('common.sending')}
      disabled={cooling}
      state={cooling ? 'cooling' : 'ready'}
      onClick={onResend}
    >
      {cooling ? t('common.resendIn', { seconds }) : label}
    </Button>
  );
}
