import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { EmailAddressForm } from './EmailAddressForm';

/** What only a sign-up's address step needs from the host. */
export interface RegistrationStepHost {
  /** The phone form (from `matrix-threepid-kit/phone`), for a phone stage that asks for the number. */
  phoneForm?: ((props: StepProps) => ReactNode) | undefined;
  /** Shown as "Sign in" when the address already has an account. */
  onSignIn?: (() => void) | undefined;
  /** Shown as "Reset your password" when the address already has an account. */
  onResetPassword?: (() => void) | undefined;
  /** An OAuth-era server's account page: sign-up happens there. */
  accountManagementUrl?: string | undefined;
}

/** Set by `<RegistrationThreepidStage>` for its address step. */
export const RegistrationStepContext = createContext<RegistrationStepHost>({});

/**
 * The first screen of a sign-up stage: the address form (or, on an OAuth-era server, the way to its account page),
 * and when the address already has an account, the way to sign in or reset the password.
 */
export function RegistrationAddressStep(props: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { phoneForm, onSignIn, onResetPassword, accountManagementUrl } = useContext(RegistrationStepContext);
  const { flow, onCancel } = props;
  const Form = flow.state.config.medium === 'email' ? EmailAddressForm : phoneForm;
  const missingForm = !Form && !accountManagementUrl;
  useEffect(() => {
    // A host mistake, said once where the host's developer looks.
    if (missingForm) console.error('matrix-threepid-kit: a phone stage that asks for the number needs the `phoneForm` prop (from matrix-threepid-kit/phone).');
  }, [missingForm]);
  if (accountManagementUrl) {
    return (
      <div {...part('actions')}>
        <a {...part('button')} data-variant="primary" href={accountManagementUrl} rel="noopener">
          {t('register.accountService.link')}
        </a>
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    );
  }
  const inUse = flow.state.error?.kind === 'threepidInUse';
  return (
    <>
      {Form && <Form {...props} />}
      {inUse && (onSignIn || onResetPassword) && (
        <div {...part('actions')}>
          {/* Secondary: the form's Send stays the one main button (a second blue button read as two equal choices). */}
          {onSignIn && (
            <Button secondary onClick={onSignIn}>
              {t('register.signIn')}
            </Button>
          )}
          {onResetPassword && (
            <Button secondary onClick={onResetPassword}>
              {t('register.resetPassword')}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
