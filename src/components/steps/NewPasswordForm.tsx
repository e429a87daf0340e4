import { useId, type ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { StepForm } from './StepForm';

/** A host's password rule: return a message to refuse, or true/undefined to accept. */
export type PasswordRule = (password: string) => string | true | undefined;

/** New password, confirmation and "sign out of my other devices" (off by default, warned about when ticked). */
export function NewPasswordForm({ flow, minPasswordLength: min = 8, validatePassword }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const warningId = useId();
  const { state } = flow;
  const { step } = state;
  return (
    <StepForm
      flow={flow}
      label={state.session?.sid ? 'reset.password.submit' : 'common.continue'}
      busy={step === 'requesting' ? 'common.sending' : step === 'completing' && 'common.verifying'}
      defaultValues={{ password: '', confirm: '', logoutDevices: state.logoutDevices }}
      onValid={(values) => flow.setNewPassword(values.password, values)}
    >
      {({ field, alertId, register, watch }) => (
        <>
          <TextField
            type="password"
            {...field('password', {
              required: t('reset.password.required'),
              minLength: { value: min, message: t('reset.password.tooShort', { min }) },
              validate: (value) => validatePassword?.(value) ?? true,
            })}
            label={t('reset.password.newLabel')}
            hint={t('reset.password.newHint', { min })}
            autoComplete="new-password"
            describedBy={alertId}
          />
          <TextField
            type="password"
            {...field('confirm', {
              validate: (value, values) => (!value ? t('reset.password.confirmRequired') : value === values.password || t('reset.password.mismatch')),
            })}
            label={t('reset.password.confirmLabel')}
            autoComplete="new-password"
          />
          <label {...part('checkboxLabel')}>
            <input {...part('checkbox')} type="checkbox" aria-describedby={watch('logoutDevices') ? warningId : undefined} {...register('logoutDevices')} />
            {t('reset.password.logoutDevices')}
          </label>
          {watch('logoutDevices') && (
            <p {...part('warning')} id={warningId}>
              {t('reset.password.logoutWarning')}
            </p>
          )}
        </>
      )}
    </StepForm>
  );
}
