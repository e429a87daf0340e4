import { useEffect, useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { UiaInfo } from '../../protocol/types';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { PasswordField } from '../parts/PasswordField';

const PASSWORD = 'm.login.password';

/** The first stage still to do in the first flow the kit can finish (password flows first), if any. */
export function nextStage(uia: UiaInfo): string | undefined {
  const pending = uia.flows.map((flow) => flow.stages.filter((stage) => !uia.completed.includes(stage)));
  const passwordOnly = pending.find((stages) => stages.length > 0 && stages.every((stage) => stage === PASSWORD));
  return (passwordOnly ?? pending.find((stages) => stages.length > 0))?.[0];
}

/** "Confirm it's you": the password stage in place, any other stage (SSO…) through the server's fallback page. */
export function AuthStep({ flow, hostHandlesAuth }: { flow: ThreepidFlow; hostHandlesAuth: boolean }): ReactNode {
  const { t, part } = useFlowUi();
  const alertId = useId();
  const { state } = flow;
  const busy = state.step === 'completing';
  const stage = state.uia ? nextStage(state.uia) : undefined;
  const [windowOpen, setWindowOpen] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const { ref, ...passwordField } = register('password', { required: t('auth.password.required') });
  // A new answer from the server (e.g. an error) means the window is no longer what we wait for.
  useEffect(() => setWindowOpen(false), [state.error, state.step]);

  if (hostHandlesAuth) {
    return <p {...part('hint')}>{t('auth.host.waiting')}</p>;
  }
  const cancel = (
    <Button variant="secondary" onClick={flow.cancelAuth}>
      {t('common.cancel')}
    </Button>
  );
  if (stage === PASSWORD) {
    return (
      <form {...part('form')} noValidate onSubmit={handleSubmit(({ password }) => flow.authenticate({ password }))}>
        <PasswordField
          {...passwordField}
          inputRef={ref}
          label={t('auth.password.label')}
          autoComplete="current-password"
          fieldError={formState.errors.password?.message}
          describedBy={state.error ? alertId : undefined}
        />
        <Alert state={state} id={alertId} />
        <div {...part('actions')}>
          <Button type="submit" busy={busy} busyLabel={t('common.verifying')}>
            {t('auth.password.submit')}
          </Button>
          {cancel}
        </div>
      </form>
    );
  }
  return (
    <div {...part('form')}>
      <p {...part('hint')}>{t(windowOpen ? 'auth.window.waiting' : 'auth.window.hint')}</p>
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button
          busy={busy}
          busyLabel={t('common.verifying')}
          onClick={() => {
            if (!stage) return;
            setWindowOpen(true);
            flow.authenticateWithFallback(stage);
          }}
        >
          {t(windowOpen ? 'auth.window.reopen' : stage === 'm.login.sso' ? 'auth.sso.button' : 'auth.fallback.button')}
        </Button>
        {cancel}
      </div>
    </div>
  );
}
