import type { Command } from 'commander';
import { runFrontier, type FrontierInput } from '../../app/frontier.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { chartFormatOf, writeFrontierChart } from '../format/chart-file.ts';
import { frontierCsv, frontierTable } from '../format/optimize.ts';
import { renderDocument } from '../format/output.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import {
  constraintsInput,
  CONSTRAINT_FLAGS,
  type ConstraintFlags,
} from '../optimize/constraint-flags.ts';
import { momentsData, MOMENTS_FLAGS, type MomentsFlags } from '../optimize/moments-flags.ts';
import { withConstraintOptions, withMomentsOptions } from '../optimize/options.ts';

interface FrontierCliOptions extends MomentsFlags, ConstraintFlags {
  readonly points: string;
  readonly threads?: string;
  readonly chart?: string;
  readonly format: Format;
}

/** The use-case input of the flags (flag errors name the flags). */
function frontierInput(options: FrontierCliOptions, command: Command): FrontierInput {
  const points = numberOption('points', options.points, (x) => Number.isInteger(x) && x >= 2)!;
  const threads = numberOption('threads', options.threads, (x) => Number.isInteger(x) && x >= 1);
  return {
    ...momentsData(options, command),
    constraints: constraintsInput(options),
    points,
    ...(threads === undefined ? {} : { threads }),
  };
}

/** Registers `ballast frontier`: N efficient portfolios, the tangency point and the CAL. */
export function registerFrontier(program: Command, io: Io, runtime: Runtime): void {
  withConstraintOptions(
    withMomentsOptions(
      program
        .command('frontier')
        .description(
          'Efficient frontier (mean-variance) with the tangency portfolio and the capital allocation line',
        ),
    ),
  )
    .option('--points <n>', 'number of frontier points', '20')
    .option('--threads <n>', 'worker threads for the solves (default 1: in-process)')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per frontier point)',
      parseFormat,
      'table' as Format,
    )
    .option('--chart <file>', 'also write the frontier, assets, tangency and CAL as .svg or .png')
    .action(async (options: FrontierCliOptions, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      const input = frontierInput(options, command);
      const run = await withDeps(command, runtime, (deps) =>
        withFlagNames(
          { ...MOMENTS_FLAGS, ...CONSTRAINT_FLAGS, points: '--points', threads: '--threads' },
          () => runFrontier(input, deps),
        ),
      );
      if (options.chart) await writeFrontierChart(options.chart, run.chart, io);
      const doc = run.document;
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => frontierTable(doc),
          csv: () => frontierCsv(doc),
        }),
      );
    });
}
