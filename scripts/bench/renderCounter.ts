// Counts which of the kit's own components rendered in each React commit, so the bench can tell "the phone field
// re-rendered" from "the whole flow re-rendered" (a <Profiler> only says that something inside it committed).
// It stands in for the React DevTools hook, which React reads when react-dom loads: import this module first.
import type { BenchProbe } from './probe';

/** The components whose renders are counted: the flow root, the screens (holding the flow's state) and the forms under them. */
export const COUNTED_COMPONENTS = ['FlowRoot', 'FlowScreens', 'StepForm', 'EmailAddressForm', 'PhoneAddressForm', 'TextField'];

// React's fiber flag set on a component that ran its render function in this commit (ReactFiberFlags.PerformedWork).
const PERFORMED_WORK = 1;

/** The few fiber fields read here (React internals: development builds only, and only for figures). */
interface Fiber {
  type: unknown;
  flags: number;
  alternate: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
}

function nameOf(type: unknown): string | undefined {
  return typeof type === 'function' && 'name' in type && typeof type.name === 'string' ? type.name : undefined;
}

/** Installs the counting hook; counts land in `probe.renders`. */
export function installRenderCounter(probe: BenchProbe): void {
  const counted = new Set(COUNTED_COMPONENTS);
  // A subtree React skipped keeps its fiber objects from the last commit; one it worked on is their alternate.
  let seenLastCommit = new WeakSet<Fiber>();
  const hook = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map<number, unknown>(),
    inject(renderer: unknown): number {
      const id = hook.renderers.size + 1;
      hook.renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot(_id: number, root: { current: Fiber }): void {
      const seen = new WeakSet<Fiber>();
      const stack: Fiber[] = [root.current];
      while (stack.length > 0) {
        const fiber = stack.pop();
        if (!fiber) continue;
        const name = nameOf(fiber.type);
        if (name && counted.has(name)) {
          seen.add(fiber);
          const rendered = fiber.alternate === null || (!seenLastCommit.has(fiber) && (fiber.flags & PERFORMED_WORK) !== 0);
          if (rendered) probe.renders[name] = (probe.renders[name] ?? 0) + 1;
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      seenLastCommit = seen;
    },
    onCommitFiberUnmount(): void {},
    onPostCommitFiberRoot(): void {},
    onScheduleFiberRoot(): void {},
    checkDCE(): void {},
  };
  Reflect.set(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', hook);
}
