import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { flowKey } from '../view';
import { AuthStep } from './AuthStep';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';

/**
 * "Check your email": follow the link, then continue — or let the flow notice by itself. When the server wants the
 * person confirmed first (Synapse), it asks here while they wait, so following the link is the last thing they do.
 */
export function LinkStep(props: StepProps): ReactNode {
  const { flow } = props;
  const { t, part } = useFlowUi();
  const { state } = flow;
  const key = flowKey(state);
  // A host's own dialog asks instead; the screen stays as it is.
  if (state.earlyAuth && state.uia && !props.onAuthRequired) {
    return (
      <>
        <p {...part('hint')}>{t(`${key}.link.instructions`)}</p>
        <h3 {...part('subheading')}>{t(`${key}.link.authHeading`)}</h3>
        <AuthStep
          {...props}
          footer={
            <>
              <div {...part('actions')}>
                <Button secondary onClick={flow.continue}>
                  {t(`${key}.link.continue`)}
                </Button>
              </div>
              <WaitingActions flow={flow} />
            </>
          }
        />
      </>
    );
  }
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
