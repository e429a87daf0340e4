import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { sendButton, StepForm } from './StepForm';

// Deliberately loose: the server is the judge; this only catches what is surely not an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email form: uncontrolled (react-hook-form), so typing never re-renders the flow. */
export function EmailAddressForm({ flow, onCancel, defaultValue }: StepProps): ReactNode {
  const { t } = useFlowUi();
  const { state } = flow;
  const { register, handleSubmit, formState } = useForm({ defaultValues: { email: state.draft.address || defaultValue || '' } });
  const { ref, ...field } = register('email', {
    required: t('email.required'),
    pattern: { value: EMAIL_SHAPE, message: t('email.invalid') },
  });
  return (
    <StepForm flow={flow} {...sendButton(flow)} onCancel={onCancel} onSubmit={handleSubmit(({ email }) => flow.request(email))}>
      {(alertId) => (
        <TextField
          {...field}
          inputRef={ref}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          label={t('email.label')}
          placeholder={t('email.placeholder')}
          fieldError={formState.errors.email?.message}
          describedBy={alertId}
          readOnly={state.step === 'requesting'}
        />
      )}
    </StepForm>
  );
}
