/**
 * The process entry of the CLI (imported by bin/ballast.mjs): runs `main` on `process.argv`. A
 * command that reads a large file starts reading it first (its table entry's `prefetch`), while
 * `main` and the command's modules load.
 */
import { COMMANDS, commandNameOf } from './command-table.ts';

// A reader that stops early (`ballast … | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const wanted = commandNameOf(args);
void COMMANDS.find((entry) => entry.name === wanted)?.prefetch?.(args);
const { main } = await import('./main.ts');

process.exitCode = await main(process.argv);
