import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeHomeserver } from './fakeHomeserver';
import { FakeNetworkError } from './faults';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * msw 2 handlers for `setupServer` / `setupWorker`: one catch-all that sends every request under the fake's
 * `baseUrl` (as it is when called) to its `fetch`. Kept apart from the fake so only msw users need msw installed.
 */
export function createMswHandlers(fakeHomeserver: Pick<FakeHomeserver, 'fetch' | 'baseUrl'>): HttpHandler[] {
  const pattern = new RegExp(`^${escapeRegExp(fakeHomeserver.baseUrl)}/`);
  return [
    http.all(pattern, async ({ request }) => {
      try {
        return await fakeHomeserver.fetch(request);
      } catch (error) {
        // msw turns a thrown error into a 500; a network error must reach the client as a failed fetch.
        if (error instanceof FakeNetworkError) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
