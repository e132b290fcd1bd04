import type { Command } from 'commander';
import { createDeps, type OwnedDeps } from '../../app/create-deps.ts';
import { invalidInput } from '../../app/errors.ts';
import { storeReady } from '../../app/store-ready.ts';
import { startServer } from '../../api/server.ts';
import type { GlobalOptions, Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { VERSION } from '../main.ts';

interface ServeOptions {
  host: string;
  port: number;
}

/** Validates `--port`: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535)
    throw invalidInput('--port', value, 'expected an integer from 0 to 65535');
  return port;
}

/** The command's dependencies, logging the server's internal failures to stderr. */
function serverDeps(command: Command, runtime: Runtime, io: Io): OwnedDeps {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return createDeps({
    env: runtime.env,
    clock: runtime.clock,
    db: globals.db,
    offline: globals.offline,
    fetch: runtime.fetch,
    log: { debug: () => undefined, info: (message) => io.err(message) },
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
function nextStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serveUntilStopped(deps: OwnedDeps, options: ServeOptions, io: Io): Promise<void> {
  await storeReady(deps);
  const server = await startServer(deps, {
    host: options.host,
    port: options.port,
    version: VERSION,
  });
  io.out(`Ballast API listening on ${server.url} (docs: ${server.url}/api/docs)`);
  const signal = await nextStopSignal();
  io.out(`${signal}: stopping`);
  await server.close();
}

/** `ballast serve`: the HTTP API on the store chosen by `--db` (or the environment). */
export function registerServe(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('serve')
    .description(
      'Serve the HTTP API (routes under /api/v1, OpenAPI at /api/openapi.json) until SIGINT or SIGTERM',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 8080)
    .action(async (options: ServeOptions, command: Command) => {
      const deps = serverDeps(command, runtime, io);
      try {
        await serveUntilStopped(deps, options, io);
      } finally {
        await deps.close();
      }
    });
}
