import { useForm } from 'react-hook-form';
import { useId, type ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { AddressFormFooter } from './AddressFormFooter';
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
      <AddressFormFooter flow={flow} alertId={alertId} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
