import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { StepForm } from './StepForm';
import { WaitingActions } from './WaitingActions';

/** One code input: autocomplete="one-time-code", numeric keyboard; spaces and dashes in a pasted code are ignored. */
export function CodeStep({ flow }: StepProps): ReactNode {
  const { t } = useFlowUi();
  const { state } = flow;
  const { register, handleSubmit, formState } = useForm({ defaultValues: { code: state.draft.code } });
  const { ref, ...field } = register('code', {
    validate: (value) => (value.replace(/[\s-]/g, '') ? true : t('code.required')),
  });
  const busy = state.step === 'submittingCode' || (state.step === 'completing' && state.trigger === 'user');
  return (
    <>
      <StepForm flow={flow} label="code.submit" busy={busy && 'common.verifying'} onSubmit={handleSubmit(({ code }) => flow.submitCode(code))}>
        {(alertId) => (
          <TextField
            {...field}
            inputRef={ref}
            part="code"
            label={t('code.label')}
            hint={t('code.hint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            fieldError={formState.errors.code?.message}
            describedBy={alertId}
            readOnly={busy}
          />
        )}
      </StepForm>
      <WaitingActions flow={flow} />
    </>
  );
}
