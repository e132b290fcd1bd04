import { Command, CommanderError } from 'commander';
import { BallastError, exitCodeOf, toBallastError } from '../app/errors.ts';
import { COMMANDS, commandNameOf } from './command-table.ts';
import { processRuntime, type Runtime } from './context.ts';
import { processIo, type Io } from './io.ts';

/** The version `ballast --version` prints. */
export const VERSION = '0.1.0';

/** Help text of the global options, with the store order. */
const DB_HELP =
  'store: a SQLite file, sqlite:PATH, postgres://… — first of --db, $BALLAST_DB, $DATABASE_URL, else ~/.local/share/ballast/ballast.sqlite';

const OFFLINE_HELP = 'store only: never call a market-data provider';

const KNOWN_AT_HELP =
  'read stored market data as it was known at this ISO time (e.g. 2026-01-05T21:00:00Z): reproduce a past run; implies --offline';

/**
 * Builds the `ballast` program writing through `io`. Only the command that `args` names (if
 * any) is loaded and registered in full; the others are listed by name and summary, so
 * `--help` and `--version` load no command module.
 */
export async function createProgram(
  io: Io,
  runtime: Runtime = processRuntime(),
  args: readonly string[] = [],
): Promise<Command> {
  const program = new Command('ballast')
    .description(
      'Leverage-aware portfolio optimizer: what you own, what you should own, what to trade',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .option('--db <path|url>', DB_HELP)
    .option('--offline', OFFLINE_HELP)
    .option('--known-at <time>', KNOWN_AT_HELP)
    .enablePositionalOptions()
    .showHelpAfterError();
  const wanted = commandNameOf(args);
  for (const entry of COMMANDS) {
    if (entry.name !== wanted) {
      program.command(entry.name).description(entry.summary);
      continue;
    }
    await entry.prefetch?.(args);
    (await entry.load())(program, io, runtime);
    const command = program.commands.find((c) => c.name() === wanted)!;
    withGlobalOptions(command);
  }
  return program;
}

/**
 * Accepts the global options on a command and all its subcommands too, so they may come
 * anywhere on the line (`ballast returns --symbols X --offline --db f.db`). Options are
 * positional (each command parses its own, up to its subcommand), so this is how a global
 * option after the subcommand reaches it; `optsWithGlobals()` merges both places.
 */
function withGlobalOptions(command: Command): void {
  const has = (flag: string): boolean => command.options.some((o) => o.long === flag);
  if (!has('--db')) command.option('--db <path|url>', DB_HELP);
  if (!has('--offline')) command.option('--offline', OFFLINE_HELP);
  if (!has('--known-at')) command.option('--known-at <time>', KNOWN_AT_HELP);
  for (const sub of command.commands) withGlobalOptions(sub);
}

/**
 * Runs the CLI on `argv` (as `process.argv`) and returns the exit code: 0 on success, the
 * error class's exit code from the error registry otherwise. Errors print
 * `error [CODE]: message`.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  runtime: Runtime = processRuntime(),
): Promise<number> {
  try {
    const program = await createProgram(io, runtime, argv.slice(2));
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      return exitCodeOf('INVALID_INPUT');
    }
    const error = e instanceof BallastError ? e : toBallastError(e);
    io.err(`error [${error.code}]: ${error.message}`);
    return exitCodeOf(error.code);
  }
}
