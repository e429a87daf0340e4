import { useEffect, useState, type ReactNode } from 'react';
import type { UiaInfo } from '../../protocol/types';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { TextField } from '../parts/TextField';
import { StepForm } from './StepForm';

const PASSWORD = 'm.login.password';

/** The first stage still to do in the first flow the kit can finish (password flows first), if any. */
export function nextStage(uia: UiaInfo): string | undefined {
  const pending = uia.flows.map((flow) => flow.stages.filter((stage) => !uia.completed.includes(stage)));
  const passwordOnly = pending.find((stages) => stages.length > 0 && stages.every((stage) => stage === PASSWORD));
  return (passwordOnly ?? pending.find((stages) => stages.length > 0))?.[0];
}

/**
 * "Confirm it's you": the password stage in place, any other stage (SSO…) through the server's fallback page. With a
 * `footer` it is part of the link screen (asked while waiting): no Cancel, the link screen's actions below.
 */
export function AuthStep({ flow, onAuthRequired, footer }: StepProps & { footer?: ReactNode | undefined }): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const stage = state.uia ? nextStage(state.uia) : undefined;
  const [windowOpen, setWindowOpen] = useState(false);
  // A new answer from the server (e.g. an error) means the window is no longer what we wait for.
  useEffect(() => setWindowOpen(false), [state.error, state.step]);

  if (onAuthRequired) return <p {...part('hint')}>{t('auth.host.waiting')}</p>;
  const shared = { flow, busy: state.step === 'completing' && ('common.verifying' as const), onCancel: footer ? undefined : flow.cancelAuth, footer };
  if (stage === PASSWORD) {
    return (
      <StepForm {...shared} label="auth.password.submit" defaultValues={{ password: '' }} onValid={({ password }) => flow.authenticate({ password })}>
        {({ field, alertId }) => (
          <TextField
            type="password"
            {...field('password', { required: t('auth.password.required') })}
            label={t('auth.password.label')}
            autoComplete="current-password"
            describedBy={alertId}
          />
        )}
      </StepForm>
    );
  }
  // No stage left, or no session to open the server's page with: no window can help, asking the server again might.
  const stuck = !stage || !state.uia?.session;
  return (
    <StepForm
      {...shared}
      label={stuck ? 'auth.retry' : windowOpen ? 'auth.window.reopen' : stage === 'm.login.sso' ? 'auth.sso.button' : 'auth.fallback.button'}
      onClick={() => {
        setWindowOpen(!stuck);
        flow.authenticateWithFallback(stage ?? '');
      }}
    >
      {() => <p {...part('hint')}>{t(stuck ? 'auth.fallback.unavailable' : windowOpen ? 'auth.window.waiting' : 'auth.window.hint')}</p>}
    </StepForm>
  );
}
