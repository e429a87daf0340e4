import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { Button } from '../parts/Button';

/** The host's next step on the done screen (e.g. "Back to sign in"), so the flow does not end in a dead end. */
export function DoneAction({ doneAction }: StepProps): ReactNode {
  return (
    doneAction && (
      <Button part="button" onClick={doneAction.onClick}>
        {doneAction.label}
      </Button>
    )
  );
}
