import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreHandler } from './core';
import { FakeNetworkError } from './faults';
import type { ListeningServer, ListenOptions } from './types';

// Hop-by-hop and framing headers belong to this connection, not to the Request handed to the core.
const SKIPPED_HEADERS: ReadonlySet<string> = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive']);

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<unknown>) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
}

async function serve(core: CoreHandler, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  // The client went away before the answer: abort, so a hanging request stops waiting.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let response: Response;
  try {
    const body = await readBody(req);
    const request = new Request(new URL(req.url ?? '/', origin), {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
      signal: controller.signal,
    });
    response = await core(request, { clientKey: req.socket.remoteAddress ?? 'unknown' });
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof FakeNetworkError) {
      req.socket.destroy();
      return;
    }
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('Fake homeserver failure');
    throw error;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, out);
  res.end(payload);
}

/** Serves the core over Node `http` (imported lazily so the module still loads in a browser). */
export async function listenNode(
  core: CoreHandler,
  options: ListenOptions = {},
  onError: (error: unknown) => void = (error) => console.error(error),
): Promise<ListeningServer> {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server: Server = createServer((req, res) => {
    serve(core, origin, req, res).catch(onError);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('The fake homeserver is not on a TCP port');
  origin = `http://${urlHost(host)}:${address.port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open.
        server.closeAllConnections();
      }),
  };
}
