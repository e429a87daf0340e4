import type { ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { ResendButton } from '../parts/ResendButton';
import { Button } from '../parts/Button';

/** Resend (with countdown) and change-address, shared by the link and code screens. */
export function WaitingActions({ flow }: { flow: ThreepidFlow }): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const email = state.config.medium === 'email';
  return (
    <div {...part('footer')}>
      <ResendButton
        availableAt={flow.resendAvailableAt}
        busy={state.step === 'requesting'}
        label={t(email ? 'common.resendEmail' : 'common.resendCode')}
        onResend={flow.resend}
      />
      <Button part="link" onClick={flow.changeAddress}>
        {t(email ? 'common.changeEmail' : 'common.changePhone')}
      </Button>
    </div>
  );
}
