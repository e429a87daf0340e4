import type { ReactNode } from 'react';
import { useFlowUi } from '../FlowUi';

/** A quiet placeholder as tall as the form it stands for (label, field, button), so the screen does not jump when the form arrives. */
export function Skeleton(): ReactNode {
  const { part } = useFlowUi();
  return (['label', 'field', 'button'] as const).map((shape) => <span key={shape} {...part('skeleton', shape)} aria-hidden="true" />);
}
