// Imported first by the bench page: the probe and the render counter must exist before react-dom loads.
// (The page imports `probe` by name: package.json marks only CSS as having side effects, so a bare import would go.)
import type { BenchProbe } from './probe';
import { installRenderCounter } from './renderCounter';

/** The page's probe, also reachable as `window.__bench` for the bench. */
export const probe: BenchProbe = { commits: 0, renders: {}, painted: [], completed: false, requests: 0 };
window.__bench = probe;
installRenderCounter(probe);
