import type { Command } from 'commander';
import { createDeps, type OwnedDeps } from '../../app/create-deps.ts';
import { BallastError, invalidInput } from '../../app/errors.ts';
import { storeReady } from '../../app/store-ready.ts';
import type { ApiLogger, AuthMode } from '../../api/app.ts';
import type { ErrorReporter } from '../../api/error-report.ts';
import { createLogger, LOG_LEVELS, useCaseLogger, type LogLevel } from '../../api/log.ts';
import { createMetrics, type Metrics } from '../../api/metrics.ts';
import type { StoredRun } from '../../app/index.ts';
import { authFor, LOOPBACK_HOSTS, startServer } from '../../api/server.ts';
import { hasWebBuild, WEB_DIST } from '../../api/web-routes.ts';
import { startRunService, type RunService } from '../../jobs/run-service.ts';
import type { GlobalOptions, Runtime } from '../context.ts';
import { withErrorReporting } from '../error-reporting.ts';
import { parseRefreshDaily, startRefreshSchedule } from './serve-refresh.ts';
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
  logLevel: LogLevel;
  /** Requests per caller per 10 s; 0: no limit. */
  rateLimit: number;
  /** Where INTERNAL failures go (`SENTRY_DSN`); none when unset. */
  errorReporter?: ErrorReporter | undefined;
  /** Enqueue a `data-refresh` run every NYSE trading day at this HH:MM New York time. */
  refreshDaily?: string | undefined;
  /** Where the scheduled refreshes post their alerts (`$BALLAST_ALERT_WEBHOOK`). */
  refreshWebhook?: string | undefined;
}

/** Validates `--log-level`: one of {@link LOG_LEVELS}. */
export function parseLogLevel(value: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    throw invalidInput('--log-level', value, `expected one of ${LOG_LEVELS.join(', ')}`);
  return value as LogLevel;
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

/** The command's dependencies, their messages going to the server's log. */
export function serverDeps(command: Command, runtime: Runtime, logger: ApiLogger): OwnedDeps {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return createDeps({
    env: runtime.env,
    clock: runtime.clock,
    db: globals.db,
    offline: globals.offline,
    fetch: runtime.fetch,
    log: useCaseLogger(logger),
  });
}

/** What {@link serveUntilStopped} serves besides the API. */
export interface ServeExtras {
  /** A dashboard build to serve on every non-API path. */
  readonly web?: string | undefined;
  /** Lines printed once listening, before the API's own (given the URL). */
  readonly banner?: (url: string) => string[];
}

/** Serves the API (and the dashboard in `web`) on `deps` until SIGINT or SIGTERM. */
export async function serveUntilStopped(
  deps: OwnedDeps,
  options: ServeOptions & { auth: AuthMode; logger: ApiLogger } & ServeExtras,
  io: Io,
): Promise<void> {
  await storeReady(deps);
  const metrics = createMetrics({ processMetrics: true });
  const jobs = await startJobs(deps, { ...options, onFinish: jobMetrics(metrics) });
  const depth = watchQueueDepth(deps, metrics);
  const server = await startServer(jobs.deps, {
    host: options.host,
    port: options.port,
    auth: options.auth,
    version: VERSION,
    logger: options.logger,
    metrics,
    errorReporter: options.errorReporter,
    rateLimit: options.rateLimit === 0 ? false : { requests: options.rateLimit, windowSeconds: 10 },
    ...(options.web === undefined ? {} : { web: options.web }),
  });
  const refresh =
    options.refreshDaily === undefined
      ? undefined
      : startRefreshSchedule(
          jobs.deps,
          { daily: options.refreshDaily, webhook: options.refreshWebhook },
          options.logger,
        );
  for (const line of options.banner?.(server.url) ?? []) io.out(line);
  io.out(`Ballast API listening on ${server.url} (docs: ${server.url}/api/docs)`);
  if (options.web !== undefined) io.out(`Dashboard: ${server.url}/`);
  io.out(
    options.auth === 'required'
      ? 'API keys required on /api/v1 (Authorization: Bearer <key>; create one with `ballast keys create`)'
      : 'API keys off: /api/v1 is open to every local process',
  );
  io.out(jobsLine(jobs.queue, options));
  if (refresh !== undefined) io.out(refresh.line);
  const signal = await nextStopSignal();
  io.out(`${signal}: stopping`);
  clearInterval(depth);
  try {
    await refresh?.stop();
    await server.close();
  } finally {
    await jobs.close();
  }
}

/** Records a finished run's duration and its solver time (when its document reports one). */
export function jobMetrics(metrics: Metrics) {
  return (run: StoredRun, seconds: number): void => {
    metrics.jobDuration(run.kind, seconds, run.status);
    const solveMs = (run.result as { diagnostics?: { solveMs?: unknown } } | null)?.diagnostics
      ?.solveMs;
    if (typeof solveMs === 'number') metrics.solverSeconds(solveMs / 1000, run.kind);
  };
}

/** Sets the queue-depth gauge from the stored runs every 5 s (and now). */
function watchQueueDepth(deps: OwnedDeps, metrics: Metrics): NodeJS.Timeout {
  const read = async (): Promise<void> => {
    const counts = await (await deps.store()).runs.counts();
    metrics.jobQueueDepth('queued', counts.queued);
    metrics.jobQueueDepth('running', counts.running);
  };
  const timer = setInterval(() => void read().catch(() => undefined), 5000);
  timer.unref();
  void read().catch(() => undefined);
  return timer;
}

/** The PostgreSQL URL of the store, or undefined for SQLite. */
function postgresUrl(deps: OwnedDeps): string | undefined {
  const location = deps.storeLocation();
  return /^postgres(ql)?:\/\//.test(location) ? location : undefined;
}

/** Starts the run queue of the store: in-process on SQLite, pg-boss on PostgreSQL. */
export function startJobs(
  deps: OwnedDeps,
  options: {
    jobs: number;
    solveThreads: number;
    onFinish?: (run: StoredRun, seconds: number) => void;
  },
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
    threads: { db: deps.storeLocation(), offline: deps.offline },
    work: options.jobs > 0,
    concurrency: Math.max(1, options.jobs),
    solveThreads: options.solveThreads,
    ...(options.onFinish === undefined ? {} : { onFinish: options.onFinish }),
  });
}

function jobsLine(queue: RunService['queue'], options: { jobs: number }): string {
  const where = queue === 'pg-boss' ? 'pg-boss on PostgreSQL' : 'in-process queue';
  return options.jobs === 0
    ? `Runs (POST /api/v1/runs): ${where}, executed by \`ballast worker\` processes`
    : `Runs (POST /api/v1/runs): ${where}, ${options.jobs} at a time in this process`;
}

/** The dashboard build when one exists (`npm run build:web`), else undefined. */
export const builtWeb = (): string | undefined => (hasWebBuild() ? WEB_DIST : undefined);

/** `ballast serve`: the HTTP API on the store chosen by `--db` (or the environment). */
export function registerServe(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('serve')
    .description(
      'Serve the HTTP API (routes under /api/v1, OpenAPI at /api/openapi.json), and the dashboard when it is built (npm run build:web), until SIGINT or SIGTERM. API keys (`ballast keys create`) are required on /api/v1 unless the host is a loopback address; --auth off is refused on any other host. Each key (or, without keys, each address) may make 100 requests per 10 s (--rate-limit). Logs one JSON line per request on stderr (--log-level); Prometheus metrics at /metrics (a key of any scope when keys are required)',
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
    .option(
      '--rate-limit <n>',
      'requests each key (or address, without keys) may make per 10 s; 0: no limit (a load test on loopback)',
      integerFlag('--rate-limit', 0, 1_000_000),
      100,
    )
    .option(
      '--refresh-daily <HH:MM>',
      'enqueue a data refresh run (kind data-refresh: stored symbols and series brought up to today, alerts stored, posted to $BALLAST_ALERT_WEBHOOK when set) on every NYSE trading day at HH:MM New York time, e.g. 18:30 after the close; give it to one server per store',
      parseRefreshDaily,
    )
    .option(
      '--log-level <level>',
      `${LOG_LEVELS.join(' | ')}: the request log, one JSON line per request on stderr`,
      parseLogLevel,
      'info',
    )
    .action(async (options: ServeOptions, command: Command) => {
      const auth = authOf(options);
      const logger = await createLogger(options.logLevel, { write: (line) => io.err(line) });
      const reporting = {
        env: runtime.env,
        log: logger,
        fetch: runtime.fetch,
        command: 'ballast serve',
      };
      await withErrorReporting(reporting, async (errorReporter) => {
        const deps = serverDeps(command, runtime, logger);
        try {
          await serveUntilStopped(
            deps,
            {
              ...options,
              auth,
              logger,
              errorReporter,
              web: builtWeb(),
              refreshWebhook: runtime.env['BALLAST_ALERT_WEBHOOK'] || undefined,
            },
            io,
          );
        } finally {
          await deps.close();
        }
      });
    });
}
