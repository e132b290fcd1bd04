/**
 * Serving the API over HTTP with `@hono/node-server`: {@link startServer} listens and resolves
 * once the port is bound (port 0 picks a free one) with the URL and a `close` that stops
 * accepting connections and waits for those in flight.
 */

import { serve, type ServerType } from '@hono/node-server';
import type { AppDeps } from '../app/deps.ts';
import { createApi, type ApiOptions } from './app.ts';

/** Options of {@link startServer}. */
export interface ServerOptions extends ApiOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` as bound (the chosen port when 0 was asked for). */
  readonly url: string;
  /** Stops listening and resolves when open connections have ended. */
  close(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

function closer(server: ServerType): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
}

/** Serves {@link createApi} over `deps` on `host:port`. */
export function startServer(deps: AppDeps, options: ServerOptions): Promise<RunningServer> {
  const api = createApi(deps, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: api.fetch, hostname: options.host, port: options.port }, (info) =>
      resolve({ url: `http://${urlHost(options.host)}:${info.port}`, close: closer(server) }),
    );
    server.once('error', reject);
  });
}
