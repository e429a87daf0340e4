import { useId, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { PasswordField } from '../parts/PasswordField';

/** A host's password rule: return a message to refuse, or true/undefined to accept. */
export type PasswordRule = (password: string) => string | true | undefined;

interface NewPasswordValues {
  password: string;
  confirm: string;
  logoutDevices: boolean;
}

/** New password, confirmation and "sign out of my other devices" (off by default, warned about when ticked). */
export function NewPasswordForm({ flow, minLength, validatePassword }: { flow: ThreepidFlow; minLength: number; validatePassword?: PasswordRule }): ReactNode {
  const { t, part } = useFlowUi();
  const alertId = useId();
  const warningId = useId();
  const { state } = flow;
  const { register, handleSubmit, formState, watch } = useForm<NewPasswordValues>({
    defaultValues: { password: '', confirm: '', logoutDevices: state.logoutDevices },
  });
  const { ref: passwordRef, ...passwordField } = register('password', {
    required: t('reset.password.required'),
    minLength: { value: minLength, message: t('reset.password.tooShort', { min: minLength }) },
    validate: (value) => validatePassword?.(value) ?? true,
  });
  const { ref: confirmRef, ...confirmField } = register('confirm', {
    validate: (value, values) => (!value ? t('reset.password.confirmRequired') : value === values.password || t('reset.password.mismatch')),
  });
  const logoutDevices = watch('logoutDevices');
  const busy = state.step === 'requesting' || state.step === 'completing';
  return (
    <form
      {...part('form')}
      noValidate
      onSubmit={handleSubmit((values) => flow.setNewPassword(values.password, { logoutDevices: values.logoutDevices }))}
    >
      <PasswordField
        {...passwordField}
        inputRef={passwordRef}
        label={t('reset.password.newLabel')}
        hint={t('reset.password.newHint', { min: minLength })}
        autoComplete="new-password"
        fieldError={formState.errors.password?.message}
        describedBy={state.error ? alertId : undefined}
      />
      <PasswordField
        {...confirmField}
        inputRef={confirmRef}
        label={t('reset.password.confirmLabel')}
        autoComplete="new-password"
        fieldError={formState.errors.confirm?.message}
      />
      <label {...part('checkboxLabel')}>
        <input {...part('checkbox')} type="checkbox" aria-describedby={logoutDevices ? warningId : undefined} {...register('logoutDevices')} />
        {t('reset.password.logoutDevices')}
      </label>
      {logoutDevices && (
        <p {...part('warning')} id={warningId}>
          {t('reset.password.logoutWarning')}
        </p>
      )}
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button type="submit" busy={busy} busyLabel={state.step === 'requesting' ? t('common.sending') : t('common.verifying')}>
          {t(state.session?.sid ? 'reset.password.submit' : 'common.continue')}
        </Button>
      </div>
    </form>
  );
}
