import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';

/** Says plainly that the server cannot do this, and offers the other medium when the host allows it. */
export function UnavailableActions({ flow, media, onCancel }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  // Only a reset offering both media has another one to switch to.
  const otherMedium = media?.find((medium) => medium !== flow.state.config.medium);
  return (
    (otherMedium || onCancel) && (
      <div {...part('actions')}>
        {otherMedium && (
          <Button onClick={() => flow.switchMedium(otherMedium)}>{t(otherMedium === 'email' ? 'unavailable.useEmail' : 'reset.medium.phone')}</Button>
        )}
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    )
  );
}
