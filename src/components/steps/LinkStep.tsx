import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { flowKey } from '../view';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';
import { webmailOf } from '../webmail';

/** "Check your email": follow the link, then continue — or let the flow notice by itself. */
export function LinkStep({ flow, onCancel }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const key = flowKey(state);
  // "Open Gmail" (or Outlook, …) for an address at a well-known webmail service.
  const webmail = webmailOf(state.session?.address ?? '');
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
          {webmail && (
            <a {...part('link')} href={`https://${webmail[1]}`} target="_blank" rel="noreferrer">
              {t('email.openWebmail', { service: webmail[0] })}
            </a>
          )}
        </>
      )}
    </StepForm>
  );
}
