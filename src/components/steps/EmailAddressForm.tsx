import { useState, type ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { suggestAddress } from '../webmail';
import { sendButton, StepForm } from './StepForm';

// Deliberately loose: the server is the judge; this only catches what is surely not an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email form, with a one-tap fix for a mistyped well-known domain ("Did you mean …@gmail.com?"), never blocking. */
export function EmailAddressForm({ flow, onCancel, defaultValue }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  // Worked out when the person leaves the field, not while typing: typing re-renders nothing.
  const [suggestion, setSuggestion] = useState<string>();
  return (
    <StepForm
      flow={flow}
      {...sendButton(flow)}
      onCancel={onCancel}
      defaultValues={{ email: state.draft.address || defaultValue || '' }}
      onValid={({ email }) => flow.request(email)}
    >
      {({ field, alertId, setValue }) => (
        <>
          <TextField
            {...field('email', {
              required: t('email.required'),
              pattern: { value: EMAIL_SHAPE, message: t('email.invalid') },
              onBlur: ({ target }: { target: HTMLInputElement }) => setSuggestion(suggestAddress(target.value)),
            })}
            type="email"
            autoComplete="email"
            inputMode="email"
            label={t('email.label')}
            placeholder={t('email.placeholder')}
            describedBy={alertId}
            readOnly={state.step === 'requesting'}
          />
          {suggestion && (
            <button
              {...part('link')}
              type="button"
              onClick={() => {
                setValue('email', suggestion);
                setSuggestion(undefined);
              }}
            >
              {t('email.suggestion', { address: suggestion })}
            </button>
          )}
        </>
      )}
    </StepForm>
  );
}
