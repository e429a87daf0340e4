import { useId, type ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { WaitingActions } from './WaitingActions';
import { flowKey } from '../view';

/** "Check your email": follow the link, then continue — or let the flow notice by itself. */
export function LinkStep({ flow }: { flow: ThreepidFlow }): ReactNode {
  const { t, part } = useFlowUi();
  const alertId = useId();
  const { state } = flow;
  const checking = state.step === 'completing' && state.trigger === 'user';
  const key = flowKey(state);
  return (
    <div {...part('form')}>
      <p {...part('hint')}>{t(`${key}.link.instructions`)}</p>
      {flow.autoDetects && <p {...part('hint')}>{t(`${key}.link.autoDetect`)}</p>}
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button busy={checking} busyLabel={t('common.checking')} onClick={flow.continue}>
          {t(`${key}.link.continue`)}
        </Button>
      </div>
      <WaitingActions flow={flow} />
    </div>
  );
}
