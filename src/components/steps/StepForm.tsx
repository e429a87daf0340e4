import { useId, type FormEventHandler, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/en';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';
import { flowKey } from '../view';

/** Props of a step's form. */
export interface StepFormProps {
  flow: ThreepidFlow;
  /** Makes the step a `<form>` with a submit button; without it, a `<div>` whose button calls `onClick`. */
  onSubmit?: FormEventHandler;
  onClick?: () => void;
  /** The main button's label. */
  label: MessageKey;
  busy: MessageKey | false;
  disabled?: boolean;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
  /** The fields, given the id to add to their aria-describedby while the alert shows. */
  children: (alertId: string | undefined) => ReactNode;
  /** Shown after the actions. */
  footer?: ReactNode;
}

/** The shape every step shares: its fields, the server's error (announced), then the main button and Cancel. */
export function StepForm({ flow, onSubmit, onClick, label, busy, disabled, onCancel, children, footer }: StepFormProps): ReactNode {
  const { t, part } = useFlowUi();
  const alertId = useId();
  const { state } = flow;
  const Tag = onSubmit ? 'form' : 'div';
  return (
    <Tag {...part('form')} noValidate={onSubmit ? true : undefined} onSubmit={onSubmit}>
      {children(state.error && alertId)}
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button type={onSubmit ? 'submit' : 'button'} busy={busy} disabled={disabled} onClick={onClick}>
          {t(label)}
        </Button>
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      {footer}
    </Tag>
  );
}

/** The send button of an address form (email or phone). */
export function sendButton({ state, resendAvailableAt }: ThreepidFlow): Pick<StepFormProps, 'label' | 'busy' | 'disabled'> {
  const key = flowKey(state);
  return {
    label: key !== 'reset' ? `${key}.submit` : state.config.medium === 'email' ? 'reset.submitEmail' : 'reset.submitPhone',
    busy: state.step === 'requesting' && 'common.sending',
    // Held (not ignored) while a 429 lasts, so a click never seems to do nothing.
    disabled: state.error?.kind === 'rateLimited' && resendAvailableAt !== undefined,
  };
}
