import type { FlowEvent, FlowState } from '../flow/types';

/** A flow's state outside React, so an action can read the state its own event produced, synchronously. */
export interface FlowStore {
  get(): FlowState;
  /** Applies the event; returns the new state (the same object when the step ignored it). */
  dispatch(event: FlowEvent): FlowState;
  /**
   * Applies the event; returns the new state, or undefined when the step ignored it. Actions start network work
   * only on a real transition, so a second click while the first is in flight sends nothing.
   */
  advance(event: FlowEvent): FlowState | undefined;
  subscribe(listener: () => void): () => void;
}

/** The machine a store runs: `transition`, or a flow's narrower one (see `FlowEngine`). */
export type Transition = (state: FlowState, event: FlowEvent) => FlowState;

/** Creates the store behind one `useThreepidFlow`. */
export function createFlowStore(initial: FlowState, transition: Transition): FlowStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const dispatch = (event: FlowEvent): FlowState => {
    const next = transition(state, event);
    // Only a skipped render: the sole listener, React's useSyncExternalStore (useThreepidFlow), re-renders for a new
    // snapshot only, so notifying an unchanged state would go unseen.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (next !== state) {
      state = next;
      for (const listener of listeners) listener();
    }
    return next;
  };
  return {
    get: () => state,
    dispatch,
    advance(event) {
      const before = state;
      const next = dispatch(event);
      return next === before ? undefined : next;
    },
    subscribe(listener) {
      listeners.add(listener);
      // The listener is React's useSyncExternalStore one (useThreepidFlow): once its component is gone, a call does
      // nothing and the store goes with it, so one left in the set would go unseen.
      // Stryker disable next-line ArrowFunction: equivalent, see above
      return () => listeners.delete(listener);
    },
  };
}
