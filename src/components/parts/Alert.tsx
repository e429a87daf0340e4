import type { ReactNode } from 'react';
import type { FlowError } from '../../flow/types';
import { errorMessage } from '../../i18n/errorMessage';
import { useFlowUi } from '../FlowUi';

/** Shows a flow error in words, announced at once (role="alert"). */
export function Alert({ error, id }: { error: FlowError | undefined; id: string }): ReactNode {
  const { t, part } = useFlowUi();
  if (!error) return null;
  return (
    <div {...part('alert', error.kind)} id={id} role="alert">
      {errorMessage(error, t)}
    </div>
  );
}
