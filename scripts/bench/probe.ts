/** One screen painted after a server answer: which step, after which request, and how long it took. */
export interface PaintedStep {
  step: string;
  /** Path of the request whose answer came last before the screen changed. */
  afterPath: string;
  /** From the answer fully received to the frame showing the new step painted (performance.measure). */
  ms: number;
}

/** What the bench page exposes as `window.__bench`. */
export interface BenchProbe {
  /** React Profiler commits inside the flow since the page loaded (or since the bench reset it). */
  commits: number;
  /** Renders of the kit's own components by name (development build only), since the page loaded or was reset. */
  renders: Record<string, number>;
  painted: PaintedStep[];
  /** The flow called onComplete. */
  completed: boolean;
  /** fetch calls the kit made (preflights are the browser's, not counted here). */
  requests: number;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}
