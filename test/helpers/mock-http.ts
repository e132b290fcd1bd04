import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the mock server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

/** What a route answers: status, body (string or JSON-serialisable), headers. */
export interface MockReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Delay before answering, ms (for timeout tests). */
  readonly delayMs?: number;
}

/** Decides the reply for a request; `count` is how many requests this server has seen (1-based). */
export type MockHandler = (req: RecordedRequest, count: number) => MockReply;

/** A local HTTP server on 127.0.0.1 speaking whatever wire format the handler returns. */
export interface MockServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  handler: MockHandler;
  close(): Promise<void>;
}

/** Starts a mock server on a free port. Replace `handler` per test. */
export async function startMockServer(
  handler: MockHandler = () => ({ status: 404 }),
): Promise<MockServer> {
  const requests: RecordedRequest[] = [];
  const state = { handler };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(recorded);
    const reply = state.handler(recorded, requests.length);
    const send = (): void => {
      const body =
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string'
            ? reply.body
            : JSON.stringify(reply.body);
      const type =
        typeof reply.body === 'string' || reply.body === undefined
          ? 'text/plain'
          : 'application/json';
      res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
      res.end(body);
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get handler() {
      return state.handler;
    },
    set handler(h: MockHandler) {
      state.handler = h;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/**
 * A fetch that sends every request to the mock server instead of the real host, keeping the
 * path and query (for client libraries with hard-coded hosts, e.g. yahoo-finance2).
 */
export function redirectingFetch(
  baseUrl: string,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return (input, init) => {
    const original = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const target = new URL(`${original.pathname}${original.search}`, baseUrl);
    return fetch(target, init);
  };
}
