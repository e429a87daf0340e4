import { useId, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { TextField } from '../parts/TextField';
import { WaitingActions } from './WaitingActions';

/** One code input: autocomplete="one-time-code", numeric keyboard; spaces and dashes in a pasted code are ignored. */
export function CodeStep({ flow }: { flow: ThreepidFlow }): ReactNode {
  const { t, part } = useFlowUi();
  const alertId = useId();
  const { state } = flow;
  const { register, handleSubmit, formState } = useForm<{ code: string }>({ defaultValues: { code: state.draft.code } });
  const { ref, ...codeField } = register('code', {
    validate: (value) => (value.replace(/[\s-]/g, '') ? true : t('code.required')),
  });
  const busy = state.step === 'submittingCode' || (state.step === 'completing' && state.trigger === 'user');
  return (
    <>
      <form {...part('form')} noValidate onSubmit={handleSubmit(({ code }) => flow.submitCode(code))}>
        <TextField
          {...codeField}
          inputRef={ref}
          part="code"
          label={t('code.label')}
          hint={t('code.hint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          fieldError={formState.errors.code?.message}
          describedBy={state.error ? alertId : undefined}
          readOnly={busy}
        />
        <Alert state={state} id={alertId} />
        <div {...part('actions')}>
          <Button type="submit" busy={busy} busyLabel={t('common.verifying')}>
            {t('code.submit')}
          </Button>
        </div>
      </form>
      <WaitingActions flow={flow} />
    </>
  );
}
