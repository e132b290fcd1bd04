/**
 * The process entry of the CLI (imported by bin/ballast.mjs): runs `main` on `process.argv`. A
 * command that reads a large file starts reading it first (its table entry's `prefetch`), while
 * `main` and the command's modules load — from the command's own file when the build made one.
 */
import { existsSync } from 'node:fs';
import { COMMANDS, commandNameOf } from './command-table.ts';
import type * as Main from './main.ts';

// A reader that stops early (`ballast … | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const wanted = COMMANDS.find((entry) => entry.name === commandNameOf(args));
void wanted?.prefetch?.(args);

// A command built into a bundle of its own (scripts/build-cli.mjs) loads from it: main and the
// command in one chunk instead of ~70 shared ones. Its reads started above are taken over by the copy of the
// data layer inside it (whole-file-prefetch.ts keeps them per process).
const solo = wanted === undefined ? undefined : new URL(`./cmd-${wanted.name}.js`, import.meta.url);
const { main } = (
  solo !== undefined && existsSync(solo) ? await import(solo.href) : await import('./main.ts')
) as typeof Main;

process.exitCode = await main(process.argv);
