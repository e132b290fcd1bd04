/**
 * `ballast start` (what `npm start` runs): the dashboard and the API in one process on
 * http://127.0.0.1:8080, on the store of `--db` (or `DATABASE_URL`, or the user's data
 * directory). It builds the dashboard when no build exists, stores the demo portfolio when the
 * store holds none, and prints the URL. `ballast serve` is the same server without those two
 * first-run steps; `ballast demo` is the terminal demo.
 */

import type { Command } from 'commander';
import { demoPortfolioSeed } from '../../app/demo-portfolio.ts';
import { storeReady } from '../../app/store-ready.ts';
import { createLogger, LOG_LEVELS, type LogLevel } from '../../api/log.ts';
import type { Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { withErrorReporting } from '../error-reporting.ts';
import { ensureWebBuild } from '../web-build.ts';
import { parseAuth, parseLogLevel, parsePort, serveUntilStopped, serverDeps } from './serve.ts';
import type { AuthMode } from '../../api/app.ts';
import { authFor } from '../../api/server.ts';

interface StartOptions {
  host: string;
  port: number;
  auth?: AuthMode;
  demo: boolean;
  logLevel: LogLevel;
}

/** Registers `ballast start` (see the module comment). */
export function registerStart(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('start')
    .description(
      'Open the dashboard and the API on http://127.0.0.1:8080: builds the dashboard when missing, stores the demo portfolio when the store has none, serves until SIGINT or SIGTERM (`ballast serve` has the server options)',
    )
    .option(
      '--host <host>',
      'interface to listen on (keys are required on any but a loopback one)',
      '127.0.0.1',
    )
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--auth <mode>', 'off | required (as `ballast serve --auth`)', parseAuth)
    .option('--no-demo', 'do not store the demo portfolio on an empty store')
    .option(
      '--log-level <level>',
      `${LOG_LEVELS.join(' | ')}: the request log on stderr (default warn: errors only)`,
      parseLogLevel,
      'warn',
    )
    .action(async (options: StartOptions, command: Command) => {
      const auth = authFor(options.host, options.auth);
      const web = ensureWebBuild(io);
      const logger = await createLogger(options.logLevel, { write: (line) => io.err(line) });
      const reporting = {
        env: runtime.env,
        log: logger,
        fetch: runtime.fetch,
        command: 'ballast start',
      };
      await withErrorReporting(reporting, async (errorReporter) => {
        const deps = serverDeps(command, runtime, logger);
        try {
          await storeReady(deps);
          const seed = options.demo ? await demoPortfolioSeed({}, deps) : undefined;
          const banner = (url: string): string[] => [
            `Ballast is running: open ${url}/ in your browser (Ctrl-C stops it).`,
            `Store: ${deps.storeLocation()}`,
            ...(seed?.seeded
              ? [
                  `First run: stored the demo portfolio "${seed.portfolio}" (${seed.transactions} transactions).`,
                ]
              : []),
          ];
          await serveUntilStopped(
            deps,
            {
              ...options,
              auth,
              logger,
              jobs: 1,
              solveThreads: 1,
              rateLimit: 100,
              web,
              banner,
              errorReporter,
            },
            io,
          );
        } finally {
          await deps.close();
        }
      });
    });
}
