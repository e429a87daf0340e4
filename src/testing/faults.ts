import type { EndpointName, FakeFaults, FaultSpec } from './types';

interface ActiveFault {
  spec: FaultSpec;
  left: number;
}

/** Injected faults, consumed one request at a time, oldest first. */
export class Faults implements FakeFaults {
  private active: ActiveFault[] = [];

  inject(fault: FaultSpec): () => void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new RangeError('A fault needs times > 0');
    const entry: ActiveFault = { spec: fault, left: times };
    this.active.push(entry);
    return () => {
      this.active = this.active.filter((f) => f !== entry);
    };
  }

  clear(): void {
    this.active = [];
  }

  /** The fault that hits the next request to `endpoint`, counting it as used. */
  take(endpoint: EndpointName): FaultSpec | undefined {
    const entry = this.active.find((f) => f.spec.endpoint === '*' || f.spec.endpoint === endpoint);
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.active = this.active.filter((f) => f !== entry);
    return entry.spec;
  }
}

/** The error `fetch` rejects with when a `networkError` fault hits (a TypeError, like a real failed fetch). */
export class FakeNetworkError extends TypeError {
  constructor() {
    super('fetch failed (fake homeserver: injected network error)');
    this.name = 'TypeError';
  }
}
