/**
 * Error reporting for the long-running commands (`ballast serve`, `ballast worker`): with
 * `SENTRY_DSN` set (`src/api/error-report.ts`), uncaught exceptions are reported before the
 * process exits, and an unexpected (INTERNAL) failure that ends the command is reported before
 * it is printed. Without `SENTRY_DSN` nothing is installed and nothing changes.
 */

import { toBallastError } from '../app/errors.ts';
import {
  errorReporterFromEnv,
  reportUncaught,
  type ErrorReporter,
  type ReportFetch,
} from '../api/error-report.ts';
import type { ApiLogger } from '../api/log.ts';
import { VERSION } from './main.ts';

/** What {@link withErrorReporting} needs. */
export interface ErrorReportingOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: ApiLogger;
  /** The command (`ballast serve`): the events' transaction. */
  readonly command: string;
  /** For tests: the fetch the reports are posted with. */
  readonly fetch?: ReportFetch | undefined;
}

/**
 * Runs `work` with the reporter `SENTRY_DSN` asks for (undefined when unset). A malformed DSN
 * throws INVALID_INPUT naming `SENTRY_DSN` before `work` starts.
 */
export async function withErrorReporting<T>(
  options: ErrorReportingOptions,
  work: (reporter: ErrorReporter | undefined) => Promise<T>,
): Promise<T> {
  const reporter = errorReporterFromEnv(options.env, {
    release: `ballast@${VERSION}`,
    log: options.log,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (reporter === undefined) return work(undefined);
  const uninstall = reportUncaught(reporter, { log: options.log, transaction: options.command });
  try {
    return await work(reporter);
  } catch (thrown) {
    const error = toBallastError(thrown);
    if (error.code === 'INTERNAL') {
      reporter.capture(error.cause ?? error, {
        level: 'fatal',
        mechanism: 'auto.cli.command',
        transaction: options.command,
      });
      await reporter.flush(2000);
    }
    throw thrown;
  } finally {
    uninstall();
  }
}
