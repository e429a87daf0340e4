import type { FakeRequestLog, RequestFilter, RequestLogEntry } from './types';

function matches(entry: RequestLogEntry, filter: RequestFilter): boolean {
  if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.endpoint !== undefined && entry.endpoint !== filter.endpoint) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.path instanceof RegExp) return filter.path.test(entry.path);
  return filter.path === undefined || entry.path === filter.path;
}

/** The request log: a real array (index, length, filter…) that also counts and clears in place. */
export class RequestLog extends Array<RequestLogEntry> implements FakeRequestLog {
  // Derived arrays (filter, map…) are plain arrays, not logs.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  count(filter?: RequestFilter | ((entry: RequestLogEntry) => boolean)): number {
    if (filter === undefined) return this.length;
    const test = typeof filter === 'function' ? filter : (e: RequestLogEntry) => matches(e, filter);
    let n = 0;
    for (const entry of this) if (test(entry)) n += 1;
    return n;
  }

  clear(): void {
    this.length = 0;
  }
}
