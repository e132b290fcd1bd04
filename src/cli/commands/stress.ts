import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../app/errors.ts';
import { BUILT_IN_SCENARIOS, stress, type StressInput } from '../../app/stress.ts';
import { UNIVERSE_SOURCES } from '../../app/exposure-returns.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { PORTFOLIO_FLAGS, renameFieldToFlag } from '../flag-errors.ts';
import { stressCsv, stressTable } from '../format/stress.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { parseDurationFlag, parseShockFlag, parseWindowFlag } from '../stress/shock-flags.ts';
import {
  choiceFlag,
  portfolioInput,
  withPortfolioOptions,
  type PortfolioFlags,
} from './options.ts';

interface StressOptions extends PortfolioFlags {
  scenario?: string;
  shock?: string;
  window?: string;
  duration?: string;
  source: string;
  allowPartial?: boolean;
  format: Format;
}

/** The use-case input of the flags (flag syntax parsed here, meaning checked by the use case). */
function stressInput(options: StressOptions): StressInput {
  const chosen = [options.scenario, options.shock, options.window].filter((x) => x !== undefined);
  if (chosen.length > 1)
    throw invalidInput('--scenario|--shock|--window', chosen, 'give at most one of them');
  return {
    ...portfolioInput(options),
    source: choiceFlag('--source', options.source, UNIVERSE_SOURCES),
    ...(options.shock === undefined
      ? {}
      : { shocks: parseShockFlag(options.shock), name: options.shock }),
    ...(options.window === undefined ? {} : { window: parseWindowFlag(options.window) }),
    ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    ...(options.duration === undefined ? {} : { durations: parseDurationFlag(options.duration) }),
    ...(options.allowPartial ? { allowPartial: true } : {}),
  };
}

const STRESS_FLAGS = {
  ...PORTFOLIO_FLAGS,
  shocks: '--shock',
  durations: '--duration',
  window: '--window',
  scenario: '--scenario',
  source: '--source',
};

/** A missing duration asked for as the flag that gives it (`--duration broad_ust=YEARS`). */
function asDurationFlag(e: unknown): unknown {
  const field = e instanceof BallastError ? e.details['field'] : undefined;
  if (!(e instanceof BallastError) || typeof field !== 'string' || !field.startsWith('durations.'))
    return e;
  const { exposure, shock } = e.details;
  if (typeof exposure !== 'string' || typeof shock !== 'string') return e;
  return new BallastError(
    e.code,
    `--duration: the yield shock ${shock} reaches ${exposure}, which has no duration in config/exposures.yaml; give --duration ${exposure}=YEARS (modified duration) — Ballast does not guess one`,
    { ...e.details, field: '--duration' },
    { cause: e },
  );
}

/** Registers `ballast stress`. */
export function registerStress(program: Command, io: Io, runtime: Runtime): void {
  withPortfolioOptions(
    program
      .command('stress')
      .description(
        'Stress tests: hypothetical shocks or historical windows propagated through fund definitions to positions, accounts and exposures',
      ),
  )
    .option(
      '--scenario <name>',
      `built-in historical scenario: ${BUILT_IN_SCENARIOS.map((s) => s.name).join(', ')}`,
    )
    .option(
      '--shock <list>',
      'hypothetical shocks: equity=-0.3,us_large_equity=-35%,rates=+200bp (returns as decimals or %; rates need a unit: +200bp or +2%)',
    )
    .option('--window <from:to>', 'user historical window, e.g. 2020-02-19:2020-03-23')
    .option(
      '--duration <list>',
      'modified duration per exposure for yield shocks: broad_ust=6.5[:convexity]',
    )
    .option(
      '--source <source>',
      'auto | store | sample (historical data; auto: the store, else the bundled sample)',
      'auto',
    )
    .option(
      '--allow-partial',
      'run without exposures lacking data / positions lacking a definition or price (listed, no P&L)',
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per position and scenario)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: StressOptions, command: Command) => {
      const input = stressInput(options);
      const doc = await withDeps(command, runtime, (deps) => stress(input, deps)).catch(
        (e: unknown) => {
          throw renameFieldToFlag(asDurationFlag(e), STRESS_FLAGS);
        },
      );
      const runAll = input.shocks === undefined && !input.scenario && !input.window;
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => stressTable(doc, { listBuiltIn: runAll ? BUILT_IN_SCENARIOS : undefined }),
          csv: () => stressCsv(doc),
        }),
      );
    });
}
