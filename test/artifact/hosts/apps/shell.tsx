import { StrictMode, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThreepidProvider, createThreepidClient, type FlowResult } from 'matrix-threepid-kit';
import 'matrix-threepid-kit/styles.css';

/** Renders one flow; `done` reports its result on the page. */
export type FlowMount = (done: (result: FlowResult) => void) => ReactNode;

// The harness asks for `?hs=<homeserver>&flow=<name>#token=<access token>`: the token rides in the fragment, which
// no server ever sees. The result line is what the harness reads once a flow is done.
function Host({ flows }: { flows: Record<string, FlowMount> }): ReactNode {
  const query = new URLSearchParams(window.location.search);
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const homeserver = query.get('hs') ?? '';
  const accessToken = fragment.get('token') ?? undefined;
  const mount = flows[query.get('flow') ?? ''];
  const [result, setResult] = useState<FlowResult | null>(null);
  const client = useMemo(() => createThreepidClient({ baseUrl: homeserver, accessToken }), [homeserver, accessToken]);
  if (!mount) return <p role="alert">Unknown flow: use one of {Object.keys(flows).join(', ')}</p>;
  return (
    <ThreepidProvider client={client}>
      {mount(setResult)}
      <output id="demo-result">{result ? `Completed: ${result.purpose} ${result.medium} ${result.address}` : ''}</output>
    </ThreepidProvider>
  );
}

/** Mounts the host page with the flows this host offers, by name. */
export function mountHost(flows: Record<string, FlowMount>): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <Host flows={flows} />
    </StrictMode>,
  );
}
