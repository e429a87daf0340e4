import { transition } from '../flow/machine';
import type { FlowEvent, FlowState } from '../flow/types';

/** A flow's state outside React, so an action can read the state its own event produced, synchronously. */
export interface FlowStore {
  get(): FlowState;
  /** Applies the event; returns the new state (the same object when the step ignored it). */
  dispatch(event: FlowEvent): FlowState;
  subscribe(listener: () => void): () => void;
}

/** Creates the store behind one `useThreepidFlow`. */
export function createFlowStore(initial: FlowState): FlowStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(event) {
      const next = transition(state, event);
      if (next !== state) {
        state = next;
        for (const listener of listeners) listener();
      }
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
