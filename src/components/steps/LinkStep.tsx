import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { flowKey } from '../view';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';

/** "Check your email": follow the link, then continue — or let the flow notice by itself. */
export function LinkStep({ flow }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const key = flowKey(state);
  return (
    <StepForm
      flow={flow}
      label={`${key}.link.continue`}
      busy={state.step === 'completing' && state.trigger === 'user' && 'common.checking'}
      onClick={flow.continue}
      footer={<WaitingActions flow={flow} />}
    >
      {() => (
        <>
          <p {...part('hint')}>{t(`${key}.link.instructions`)}</p>
          {flow.autoDetects && <p {...part('hint')}>{t(`${key}.link.autoDetect`)}</p>}
        </>
      )}
    </StepForm>
  );
}
