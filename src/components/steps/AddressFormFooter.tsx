import type { ReactNode } from 'react';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Alert } from '../parts/Alert';
import { Button } from '../parts/Button';

/** The server's error and the send/cancel buttons under an address form (email or phone). */
export function AddressFormFooter({ flow, alertId, submitLabel, onCancel }: { flow: ThreepidFlow; alertId: string; submitLabel: string; onCancel?: () => void }): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  // Held (not ignored) while a 429 lasts, so a click never seems to do nothing.
  const waiting = state.error?.kind === 'rateLimited' && flow.resendAvailableAt !== undefined;
  return (
    <>
      <Alert state={state} id={alertId} />
      <div {...part('actions')}>
        <Button type="submit" busy={state.step === 'requesting'} busyLabel={t('common.sending')} disabled={waiting}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </>
  );
}

