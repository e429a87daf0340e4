import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { flowKey } from '../view';
import { AuthStep } from './AuthStep';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';
import { webmailOf } from '../webmail';

/**
 * "Check your email": follow the link, then continue — or let the flow notice by itself. When the server wants the
 * person confirmed first (Synapse), it asks here while they wait, so following the link is the last thing they do.
 */
export function LinkStep(props: StepProps): ReactNode {
  const { flow, onCancel } = props;
  const { t, part } = useFlowUi();
  const { state } = flow;
  const key = flowKey(state);
  // "Open Gmail" (or Outlook, …) for an address at a well-known webmail service.
  const webmail = webmailOf(state.session?.address ?? '');
  const webmailLink = webmail && (
    <a {...part('link')} href={`https://${webmail[1]}`} target="_blank" rel="noreferrer">
      {t('email.openWebmail', { service: webmail[0] })}
    </a>
  );
  // A host's own dialog asks instead; the screen stays as it is.
  if (state.earlyAuth && state.uia && !props.onAuthRequired) {
    return (
      <>
        <p {...part('hint')}>{t(`${key}.link.instructions`)}</p>
        {webmailLink}
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
      onCancel={onCancel}
      footer={<WaitingActions flow={flow} />}
    >
      {() => (
        <>
          {/* "Not confirmed yet" says what to do instead, in the alert. */}
          {state.error?.kind !== 'notYetValidated' && <p {...part('hint')}>{t(`${key}.link.instructions`)}</p>}
          {flow.autoDetects && <p {...part('hint')}>{t(`${key}.link.autoDetect`)}</p>}
          {webmailLink}
        </>
      )}
    </StepForm>
  );
}
