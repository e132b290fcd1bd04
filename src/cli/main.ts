import { Command, CommanderError } from 'commander';
import { BallastError, toBallastError } from '../domain/errors';
import { registerAnalyze } from './commands/analyze';
import { registerFactors } from './commands/factors';
import { registerData } from './commands/data';
import { registerDemo } from './commands/demo';
import { registerEstimate } from './commands/estimate';
import { registerExposures } from './commands/exposures';
import { registerOptimize } from './commands/optimize';
import { registerPerformance } from './commands/performance';
import { registerPlan } from './commands/plan';
import { registerRebalance } from './commands/rebalance';
import { registerFrontier } from './commands/frontier';
import { registerFunds } from './commands/funds';
import { registerPositions } from './commands/positions';
import { registerReturns } from './commands/returns';
import { registerRisk } from './commands/risk';
import { registerStress } from './commands/stress';
import { registerUniverse } from './commands/universe';
import { EXIT_CODES } from './exit-codes';
import { processRuntime, type Runtime } from './context';
import { processIo, type Io } from './io';

/** Builds the `ballast` program with every command registered, writing through `io`. */
export function createProgram(io: Io, runtime: Runtime = processRuntime()): Command {
  const program = new Command('ballast')
    .description(
      'Leverage-aware portfolio optimizer: what you own, what you should own, what to trade',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .option(
      '--db <path|url>',
      'store: a SQLite file, sqlite:PATH, postgres://… (default: $BALLAST_DB, $DATABASE_URL, or ~/.local/share/ballast/ballast.sqlite)',
    )
    .option('--offline', 'store only: never call a market-data provider')
    .enablePositionalOptions()
    .showHelpAfterError();
  registerDemo(program, io);
  registerPositions(program, io);
  registerExposures(program, io);
  registerFunds(program, io);
  registerUniverse(program, io);
  registerData(program, io, runtime);
  registerReturns(program, io, runtime);
  registerEstimate(program, io, runtime);
  registerOptimize(program, io);
  registerFrontier(program, io);
  registerAnalyze(program, io);
  registerFactors(program, io);
  registerRebalance(program, io, runtime);
  registerPlan(program, io, runtime);
  registerPerformance(program, io, runtime);
  registerRisk(program, io, runtime);
  registerStress(program, io, runtime);
  return program;
}

/**
 * Runs the CLI on `argv` (as `process.argv`) and returns the exit code: 0 on success, the
 * error class's code from {@link EXIT_CODES} otherwise. Errors print `error [CODE]: message`.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  runtime: Runtime = processRuntime(),
): Promise<number> {
  try {
    await createProgram(io, runtime).parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      return EXIT_CODES.INVALID_INPUT;
    }
    const error = e instanceof BallastError ? e : toBallastError(e);
    io.err(`error [${error.code}]: ${error.message}`);
    return EXIT_CODES[error.code];
  }
}
