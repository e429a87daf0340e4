import { useForm } from 'react-hook-form';
import { useId, type ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { TextField } from '../parts/TextField';

// Deliberately loose: the server is the judge; this only catches what is surely not an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email form: uncontrolled (react-hook-form), so typing never re-renders the flow. */
export function EmailAddressForm({ flow, submitLabel, onCancel, defaultValue }: { flow: ThreepidFlow; submitLabel: string; onCancel?: () => void; defaultValue?: string }): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const { register, handleSubmit, formState } = useForm<{ email: string }>({
    defaultValues: { email: state.draft.address || defaultValue || '' },
  });
  const alertId = useId();
  const busy = state.step === 'requesting';
  // After a 429 the flow will not ask again before the server's wait is over: a disabled button says so, where an
  // enabled one would do nothing when clicked.
  const waiting = state.error?.kind === 'rateLimited' && flow.resendAvailableAt !== undefined;
  const { ref: emailRef, ...emailField } = register('email', {
    required: t('email.required'),
    pattern: { value: EMAIL_SHAPE, message: t('email.invalid') },
  });
  return (
    <form {...part('form')} noValidate onSubmit={handleSubmit(({ email }) => flow.request(email))}>
      <TextField
        {...emailField}
        inputRef={emailRef}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        label={t('email.label')}
        placeholder={t('email.placeholder')}
        fieldError={formState.errors.email?.message}
        describedBy={state.error ? alertId : undefined}
        readOnly={busy}
      />
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button type="submit" busy={busy} busyLabel={t('common.sending')} disabled={waiting}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
