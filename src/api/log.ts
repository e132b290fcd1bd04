/**
 * The server's log: structured JSON lines from pino. {@link createApi} takes any
 * {@link ApiLogger} (a pino logger is one) and defaults to {@link silentApiLogger}, so tests and
 * library callers log nothing. `ballast serve` builds a pino logger with {@link createLogger},
 * which imports pino only when called: the CLI's other commands never load it.
 *
 * A line per request (`observe.ts`):
 * `{"level":"info","time":"…","requestId":"…","method":"GET","route":"/api/v1/portfolios/{id}",
 * "path":"/api/v1/portfolios/42","status":200,"ms":3.1,"msg":"request"}`, with `code` on an
 * error response and, for INTERNAL, `err` with the original failure's message and stack (which
 * never reach the client).
 */

import type { Logger } from '../app/deps.ts';

/** The levels of `--log-level`, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A structured logger: pino's call shape, `(fields, message)`. */
export interface ApiLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A logger that drops everything (the default of `createApi`). */
export const silentApiLogger: ApiLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Where log lines go: anything with `write(line)` (`process.stderr`, the CLI's Io, a test array). */
export interface LogDestination {
  write(line: string): void;
}

/**
 * A pino logger at `level` writing one JSON line per entry to `destination`, with the level as
 * its name and the time as ISO 8601. pino is imported here, on first call.
 */
export async function createLogger(
  level: LogLevel,
  destination: LogDestination,
): Promise<ApiLogger> {
  const { default: pino } = await import('pino');
  return pino<never>(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The use cases' {@link Logger} (`deps.log`) over `log`: their messages as log lines. */
export function useCaseLogger(log: ApiLogger): Logger {
  return {
    debug: (message) => log.debug({ source: 'app' }, message),
    info: (message) => log.info({ source: 'app' }, message),
  };
}
