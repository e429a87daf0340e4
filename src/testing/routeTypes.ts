import type { Reply } from './reply';
import type { ServerState } from './state';

/** A request as the routes see it: body already read, client identified. */
export interface RouteRequest {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string;
  /** Who is calling, for per-client rate limits: x-forwarded-for, socket address, or a constant in fetch mode. */
  clientKey: string;
  /** Path parameters captured by the router. */
  params: Readonly<Record<string, string>>;
}

/** A route: answers a request from the shared state (may throw ReplyError). */
export type RouteHandler = (state: ServerState, req: RouteRequest) => Reply;
