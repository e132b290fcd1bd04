import type { Command } from 'commander';
import { createDeps, type OwnedDeps } from '../../app/create-deps.ts';
import { BallastError, invalidInput } from '../../app/errors.ts';
import { storeReady } from '../../app/store-ready.ts';
import type { AuthMode } from '../../api/app.ts';
import { authFor, LOOPBACK_HOSTS, startServer } from '../../api/server.ts';
import { startRunService, type RunService } from '../../jobs/run-service.ts';
import type { GlobalOptions, Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { integerFlag, nextStopSignal } from '../stop-signal.ts';
import { VERSION } from '../main.ts';

interface ServeOptions {
  host: string;
  port: number;
  auth?: AuthMode;
  /** Runs executed at once here; 0: none (PostgreSQL: `ballast worker`s do). */
  jobs: number;
  solveThreads: number;
}

/** Validates `--auth`: off | required. */
export function parseAuth(value: string): AuthMode {
  if (value !== 'off' && value !== 'required')
    throw invalidInput('--auth', value, 'expected off or required');
  return value;
}

/** The auth mode of `--auth` on `--host` (refusing off on a non-loopback host, naming --auth). */
function authOf(options: ServeOptions): AuthMode {
  try {
    return authFor(options.host, options.auth);
  } catch (error) {
    if (error instanceof BallastError)
      throw new BallastError('INVALID_INPUT', `--auth${error.message.slice('auth'.length)}`, {
        ...error.details,
        field: '--auth',
      });
    throw error;
  }
}

/** Validates `--port`: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535)
    throw invalidInput('--port', value, 'expected an integer from 0 to 65535');
  return port;
}

/** The command's dependencies, logging the server's internal failures to stderr. */
export function serverDeps(command: Command, runtime: Runtime, io: Io): OwnedDeps {
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

async function serveUntilStopped(
  deps: OwnedDeps,
  options: ServeOptions & { auth: AuthMode },
  io: Io,
): Promise<void> {
  await storeReady(deps);
  const jobs = await startJobs(deps, options);
  const server = await startServer(jobs.deps, {
    host: options.host,
    port: options.port,
    auth: options.auth,
    version: VERSION,
  });
  io.out(`Ballast API listening on ${server.url} (docs: ${server.url}/api/docs)`);
  io.out(
    options.auth === 'required'
      ? 'API keys required on /api/v1 (Authorization: Bearer <key>; create one with `ballast keys create`)'
      : 'API keys off: /api/v1 is open to every local process',
  );
  io.out(jobsLine(jobs.queue, options));
  const signal = await nextStopSignal();
  io.out(`${signal}: stopping`);
  try {
    await server.close();
  } finally {
    await jobs.close();
  }
}

/** The PostgreSQL URL of the store, or undefined for SQLite. */
function postgresUrl(deps: OwnedDeps): string | undefined {
  const location = deps.storeLocation();
  return /^postgres(ql)?:\/\//.test(location) ? location : undefined;
}

/** Starts the run queue of the store: in-process on SQLite, pg-boss on PostgreSQL. */
export function startJobs(
  deps: OwnedDeps,
  options: { jobs: number; solveThreads: number },
): Promise<RunService> {
  const url = postgresUrl(deps);
  if (url === undefined && options.jobs === 0)
    throw invalidInput(
      '--jobs',
      0,
      'runs on a SQLite store are executed by the server itself: --jobs 0 needs a PostgreSQL store (`ballast worker`)',
    );
  return startRunService(deps, {
    postgresUrl: url,
    work: options.jobs > 0,
    concurrency: Math.max(1, options.jobs),
    solveThreads: options.solveThreads,
  });
}

function jobsLine(queue: RunService['queue'], options: { jobs: number }): string {
  const where = queue === 'pg-boss' ? 'pg-boss on PostgreSQL' : 'in-process queue';
  return options.jobs === 0
    ? `Runs (POST /api/v1/runs): ${where}, executed by \`ballast worker\` processes`
    : `Runs (POST /api/v1/runs): ${where}, ${options.jobs} at a time in this process`;
}

/** `ballast serve`: the HTTP API on the store chosen by `--db` (or the environment). */
export function registerServe(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('serve')
    .description(
      'Serve the HTTP API (routes under /api/v1, OpenAPI at /api/openapi.json) until SIGINT or SIGTERM. API keys (`ballast keys create`) are required on /api/v1 unless the host is a loopback address; --auth off is refused on any other host. Each key (or, without keys, each address) may make 100 requests per 10 s',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option(
      '--auth <mode>',
      `off | required: whether /api/v1 needs an API key (Authorization: Bearer <key>, see \`ballast keys\`); default off on a loopback host (${LOOPBACK_HOSTS.join(', ')}), required on any other, where off is refused`,
      parseAuth,
    )
    .option(
      '--jobs <n>',
      'runs (POST /api/v1/runs) this process executes at once; 0: none, leaving them to `ballast worker` processes (PostgreSQL only)',
      integerFlag('--jobs', 0, 64),
      1,
    )
    .option(
      '--solve-threads <n>',
      'worker threads for the solves of runs (requests are served on the main thread meanwhile)',
      integerFlag('--solve-threads', 1, 64),
      1,
    )
    .action(async (options: ServeOptions, command: Command) => {
      const auth = authOf(options);
      const deps = serverDeps(command, runtime, io);
      try {
        await serveUntilStopped(deps, { ...options, auth }, io);
      } finally {
        await deps.close();
      }
    });
}
