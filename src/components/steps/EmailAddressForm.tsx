import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { sendButton, StepForm } from './StepForm';

// Deliberately loose: the server is the judge; this only catches what is surely not an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email form. */
export function EmailAddressForm({ flow, onCancel, defaultValue }: StepProps): ReactNode {
  const { t } = useFlowUi();
  const { state } = flow;
  return (
    <StepForm
      flow={flow}
      {...sendButton(flow)}
      onCancel={onCancel}
      defaultValues={{ email: state.draft.address || defaultValue || '' }}
      onValid={({ email }) => flow.request(email)}
    >
      {({ field, alertId }) => (
        <TextField
          {...field('email', { required: t('email.required'), pattern: { value: EMAIL_SHAPE, message: t('email.invalid') } })}
          type="email"
          autoComplete="email"
          inputMode="email"
          label={t('email.label')}
          placeholder={t('email.placeholder')}
          describedBy={alertId}
          readOnly={state.step === 'requesting'}
        />
      )}
    </StepForm>
  );
}
