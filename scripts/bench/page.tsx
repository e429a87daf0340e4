// The bench page: one flow against the fake homeserver, with probes the bench reads through `window.__bench`.
// Built twice by scripts/bench/build.ts: development React (Profiler and StrictMode work) and production (timing).
import { probe } from './setup';
import { Profiler, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider } from '../../src/index';
import { AddPhoneFlow } from '../../src/phone';
import { createThreepidClient } from '../../src/protocol';
import '../../src/styles/styles.css';
import type { PaintedStep } from './probe';

const params = new URLSearchParams(window.location.search);
const homeserver = params.get('hs') ?? '';
const flow = params.get('flow') ?? 'add-email';
const strict = params.get('strict') === '1';
// The access token rides in the fragment, like the demo: never sent to any server.
const accessToken = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;

// Steps a server answer leads to: the screens whose paint is timed.
const TIMED_STEPS = new Set(['awaitingLink', 'awaitingCode', 'authenticating', 'done']);


let lastResponse: { mark: string; at: number; path: string } | undefined;

/** fetch that notes when each answer has fully arrived (headers and body), the start of every timing. */
async function timedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  probe.requests += 1;
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  const mark = `response ${probe.requests}`;
  performance.mark(mark);
  const url = input instanceof Request ? input.url : String(input);
  lastResponse = { mark, at: performance.now(), path: new URL(url).pathname };
  const empty = body.byteLength === 0 || [204, 205, 304].includes(response.status);
  return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Calls `done` once the frame that shows the current DOM has been painted. */
function afterPaint(done: () => void): void {
  requestAnimationFrame(() => {
    // A message posted from a frame callback is handled right after that frame is presented.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(undefined);
  });
}

let shownStep: string | null = null;
new MutationObserver(() => {
  const step = document.querySelector('[data-threepid-part="root"]')?.getAttribute('data-state') ?? null;
  if (step === shownStep) return;
  shownStep = step;
  const cause = lastResponse;
  if (!step || !cause || !TIMED_STEPS.has(step)) return;
  afterPaint(() => {
    const mark = `painted ${step} ${probe.painted.length + 1}`;
    performance.mark(mark);
    const measure = performance.measure(`${cause.path} → ${step}`, cause.mark, mark);
    const painted: PaintedStep = { step, afterPath: cause.path, ms: measure.duration };
    probe.painted.push(painted);
  });
}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });

function Flow(): ReactNode {
  const onComplete = (): void => {
    probe.completed = true;
  };
  switch (flow) {
    case 'add-phone':
      return <AddPhoneFlow defaultCountry="GB" onComplete={onComplete} />;
    case 'reset':
      return <ResetPasswordFlow onComplete={onComplete} />;
    default:
      return <AddEmailFlow onComplete={onComplete} />;
  }
}

const client = createThreepidClient({ baseUrl: homeserver, accessToken, fetch: timedFetch });
const app = (
  <ThreepidProvider client={client}>
    {/* Counts every commit inside the flow: typing into an uncontrolled form should make none. */}
    <Profiler id="flow" onRender={() => (probe.commits += 1)}>
      <Flow />
    </Profiler>
  </ThreepidProvider>
);
const root = document.getElementById('root');
if (!root) throw new Error('bench page has no #root');
createRoot(root).render(strict ? <StrictMode>{app}</StrictMode> : app);
