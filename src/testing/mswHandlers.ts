import { http, HttpResponse, type HttpHandler } from 'msw';
import { FakeNetworkError } from './faults';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One msw catch-all handler that sends every request under `baseUrl` to the fake's fetch. */
export function createMswHandlers(
  baseUrl: string,
  fakeFetch: (request: Request) => Promise<Response>,
): HttpHandler[] {
  const pattern = new RegExp(`^${escapeRegExp(baseUrl)}/`);
  return [
    http.all(pattern, async ({ request }) => {
      try {
        return await fakeFetch(request);
      } catch (error) {
        // msw turns a thrown error into a 500; a network error must reach the client as a failed fetch.
        if (error instanceof FakeNetworkError) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
