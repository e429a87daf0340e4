import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';

/** One code input: autocomplete="one-time-code", numeric keyboard; spaces and dashes in a pasted code are ignored. */
export function CodeStep({ flow }: StepProps): ReactNode {
  const { t } = useFlowUi();
  const { state } = flow;
  const busy = state.step === 'submittingCode' || (state.step === 'completing' && state.trigger === 'user');
  return (
    <>
      <StepForm
        flow={flow}
        label="code.submit"
        busy={busy && 'common.verifying'}
        defaultValues={{ code: state.draft.code }}
        // A refused code is most often a typo: back to the field, ready to retype (PROTOCOL: any 4xx from submit_url).
        focusOnError="code"
        onValid={({ code }) => flow.submitCode(code)}
      >
        {({ field, alertId }) => (
          <TextField
            {...field('code', { validate: (value) => (value.replace(/[\s-]/g, '') ? true : t('code.required')) })}
            part="code"
            label={t('code.label')}
            hint={t('code.hint')}
            autoComplete="one-time-code"
            inputMode="numeric"
              describedBy={alertId}
            readOnly={busy}
          />
        )}
      </StepForm>
      <WaitingActions flow={flow} />
    </>
  );
}
