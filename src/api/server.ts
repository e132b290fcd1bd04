/**
 * Serving the API over HTTP with `@hono/node-server`: {@link startServer} listens and resolves
 * once the port is bound (port 0 picks a free one) with the URL and a `close` that stops
 * accepting connections and waits for those in flight. API keys are required by default on any
 * host but a loopback address, and cannot be turned off there ({@link authFor}).
 */

import { serve, type ServerType } from '@hono/node-server';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { createApi, type ApiOptions, type AuthMode } from './app.ts';

/** The hosts that only this machine reaches: keys may be off there. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '::1', 'localhost'];

/** Whether `host` is a loopback address ({@link LOOPBACK_HOSTS}). */
export const isLoopback = (host: string): boolean =>
  LOOPBACK_HOSTS.includes(host.trim().toLowerCase());

/**
 * The auth mode of a server on `host`: `requested`, or by default `off` on a loopback address
 * and `required` on any other. `off` on a non-loopback host is refused (INVALID_INPUT naming
 * `auth`): anyone on the network could write to the store.
 */
export function authFor(host: string, requested?: AuthMode): AuthMode {
  const loopback = isLoopback(host);
  if (requested === undefined) return loopback ? 'off' : 'required';
  if (requested === 'off' && !loopback)
    throw new BallastError(
      'INVALID_INPUT',
      `auth: "off" is refused on ${host}, which is not a loopback address (${LOOPBACK_HOSTS.join(', ')}): serve with keys (required) or on a loopback address`,
      { field: 'auth', value: requested, host },
    );
  return requested;
}

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

/** Serves {@link createApi} over `deps` on `host:port`, with the auth mode of {@link authFor}. */
export function startServer(deps: AppDeps, options: ServerOptions): Promise<RunningServer> {
  const api = createApi(deps, { ...options, auth: authFor(options.host, options.auth) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: api.fetch, hostname: options.host, port: options.port }, (info) =>
      resolve({ url: `http://${urlHost(options.host)}:${info.port}`, close: closer(server) }),
    );
    server.once('error', reject);
  });
}
