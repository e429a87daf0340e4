import { useRef, type ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';

/** The code as sent: spaces and dashes people type or paste between groups of digits are not part of it. */
const clean = (value: string): string => value.replace(/[\s-]/g, '');

/**
 * A code is complete at 6 digits: what SMS senders (Sydent) and code-mailing servers send. Longer or lettered codes
 * (a 32-character emailed token) are never complete by themselves: the person presses Verify.
 */
const COMPLETE_CODE = /^\d{6}$/;

/**
 * One code input: autocomplete="one-time-code", the numeric keyboard for texted codes, spaces and dashes ignored. It
 * submits by itself once a complete code is typed or pasted, but never the same code twice (a wrong code stays put
 * until the person changes it or presses Verify).
 */
export function CodeStep({ flow, onCancel }: StepProps): ReactNode {
  const { t } = useFlowUi();
  const { state } = flow;
  const busy = state.step === 'submittingCode' || (state.step === 'completing' && state.trigger === 'user');
  const autoSent = useRef('');
  return (
    <>
      <StepForm
        flow={flow}
        label="code.submit"
        busy={busy && 'common.verifying'}
        onCancel={onCancel}
        defaultValues={{ code: state.draft.code }}
        // A refused code is most often a typo: back to the field, ready to retype (PROTOCOL: every 4xx from submit_url).
        focusOnError="code"
        onValid={({ code }) => flow.submitCode(code)}
      >
        {({ field, alertId }) => (
          <TextField
            {...field('code', {
              validate: (value) => (clean(value) ? true : t('code.required')),
              onChange: ({ target }: { target: HTMLInputElement }) => {
                const code = clean(target.value);
                if (COMPLETE_CODE.test(code) && code !== autoSent.current && !busy) {
                  autoSent.current = code;
                  flow.submitCode(code);
                }
              },
            })}
            part="code"
            label={t('code.label')}
            hint={t('code.hint')}
            autoComplete="one-time-code"
            inputMode={state.config.medium === 'msisdn' ? 'numeric' : undefined}
            describedBy={alertId}
            readOnly={busy}
          />
        )}
      </StepForm>
      <WaitingActions flow={flow} />
    </>
  );
}
