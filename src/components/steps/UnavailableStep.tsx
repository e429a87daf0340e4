import type { ReactNode } from 'react';
import type { Medium } from '../../protocol/types';
import type { ThreepidFlow } from '../../react/useThreepidFlow';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';

/** Says plainly that the server cannot do this, and offers the other medium when the host allows it. */
export function UnavailableActions({ flow, otherMedium, onCancel }: { flow: ThreepidFlow; otherMedium?: Medium; onCancel?: () => void }): ReactNode {
  const { t, part } = useFlowUi();
  if (!otherMedium && !onCancel) return null;
  return (
    <div {...part('actions')}>
      {otherMedium && (
        <Button onClick={() => flow.switchMedium(otherMedium)}>{t(otherMedium === 'email' ? 'unavailable.useEmail' : 'reset.medium.phone')}</Button>
      )}
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}
