/** Which component the demo mounts. */
export type DemoFlow = 'add-email' | 'add-phone' | 'reset' | 'register';

/** What the demo page was asked to show. */
export interface DemoParams {
  /** Homeserver base URL, e.g. `http://127.0.0.1:38211`. */
  homeserver: string;
  /** Access token for the add flows; absent for reset and register. */
  accessToken: string | undefined;
  flow: DemoFlow;
  /** Keep the waiting session in sessionStorage across reloads. */
  persist: boolean;
}

const FLOWS: readonly DemoFlow[] = ['add-email', 'add-phone', 'reset', 'register'];

function isFlow(value: string): value is DemoFlow {
  return (FLOWS as readonly string[]).includes(value);
}

/**
 * Reads `hs`, `token`, `flow` and `persist` from the page address. The fragment wins over the query: the e2e
 * launcher puts the access token there because a fragment is never sent to any server nor in a Referer.
 */
export function readDemoParams(location: Pick<Location, 'search' | 'hash'>): DemoParams | string {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const get = (name: string): string | undefined => fragment.get(name) ?? query.get(name) ?? undefined;

  const homeserver = get('hs');
  if (!homeserver) return 'Give the homeserver as ?hs=http://127.0.0.1:PORT';
  let parsed: URL;
  try {
    parsed = new URL(homeserver);
  } catch {
    return `Not a URL: hs=${homeserver}`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'hs must be an http(s) URL';

  const flow = get('flow') ?? 'add-email';
  if (!isFlow(flow)) return `Unknown flow "${flow}": use ${FLOWS.join(', ')}`;

  return { homeserver: parsed.origin, accessToken: get('token') || undefined, flow, persist: get('persist') === '1' };
}
