import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { alignCommon } from '../../domain/series/align-common.ts';
import {
  detectRegimes,
  regimeCovariance,
  type RegimeDetection,
  type RegimeModel,
  type RegimeStats,
} from '../../domain/stress/regimes.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import { fmtPercent, roundFine } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { readTextFile, type Io } from '../io.ts';

interface RegimesOptions {
  returns: string;
  column: string;
  model: string;
  window: string;
  quantile: string;
  format: string;
}

function modelOf(options: RegimesOptions): RegimeModel {
  if (options.model === 'markov') return { model: 'markov' };
  if (options.model !== 'threshold')
    throw invalidInput('--model', options.model, 'expected markov or threshold');
  const window = Number(options.window);
  const quantile = Number(options.quantile);
  if (!Number.isInteger(window) || window < 2)
    throw invalidInput('--window', options.window, 'an integer ≥ 2 periods');
  if (!(quantile > 0 && quantile < 1))
    throw invalidInput('--quantile', options.quantile, 'a number in (0, 1)');
  return { model: 'threshold', window, quantile };
}

function parameters(d: RegimeDetection): Record<string, unknown> {
  if (d.markov) {
    const f = d.markov;
    return {
      means: f.params.means,
      vols: f.params.vols,
      transition: f.params.transition,
      initial: f.params.initial,
      expectedDurations: f.expectedDurations,
      ergodic: f.ergodic,
      logLikelihood: f.logLikelihood,
      iterations: f.iterations,
      converged: f.converged,
    };
  }
  return { ...d.threshold };
}

function statsJson(s: RegimeStats): Record<string, unknown> {
  const r = (x: number | null): number | null => (x === null ? null : roundFine(x));
  return {
    count: s.count,
    means: s.means.map(r),
    vols: s.vols.map(r),
    covariance: s.covariance.map((row) => row.map(r)),
    correlation: s.correlation.map((row) => row.map(r)),
  };
}

function table(doc: {
  column: string;
  detection: RegimeDetection;
  ids: readonly string[];
  calm: RegimeStats;
  stressed: RegimeStats;
  current: { date: string; stressedProbability: number };
}): string {
  const d = doc.detection;
  const fmt = (x: number | null): string => (x === null ? '—' : fmtPercent(x));
  const at = doc.ids.indexOf(doc.column);
  const corr = (s: RegimeStats, i: number): string =>
    at < 0 ? '—' : (s.correlation[i]![at]?.toFixed(2) ?? '—');
  const lines = [
    `Regimes of ${doc.column} (${d.model === 'markov' ? 'two-state Markov switching, EM' : `volatility threshold: window ${d.threshold!.window}, quantile ${d.threshold!.quantile}`}); per-period figures`,
    `calm: ${d.calm.count} periods, mean ${fmt(d.calm.mean)}, vol ${fmt(d.calm.vol)}`,
    `stressed: ${d.stressedRegime.count} periods, mean ${fmt(d.stressedRegime.mean)}, vol ${fmt(d.stressedRegime.vol)}`,
  ];
  if (d.markov) {
    const p = d.markov.params.transition;
    lines.push(
      `transition P(calm→calm) ${p[0][0].toFixed(4)}, P(stressed→stressed) ${p[1][1].toFixed(4)}; expected durations ${d.markov.expectedDurations.map((x) => x.toFixed(1)).join(' / ')} periods; ${d.markov.converged ? 'converged' : 'NOT converged'} after ${d.markov.iterations} EM iterations`,
    );
  } else lines.push(`threshold rolling vol ${fmtPercent(d.threshold!.value)}`);
  lines.push(
    `current (${doc.current.date}): stressed probability ${doc.current.stressedProbability.toFixed(4)}`,
    '',
    `Calm vs stressed (${doc.calm.count} / ${doc.stressed.count} common dates)`,
    renderTable(
      doc.ids.map((id, i) => ({ id, i })),
      [
        { title: 'Series', value: (x) => x.id },
        { title: 'Vol calm', value: (x) => fmtPercent(doc.calm.vols[x.i]!), align: 'right' },
        {
          title: 'Vol stressed',
          value: (x) => fmtPercent(doc.stressed.vols[x.i]!),
          align: 'right',
        },
        { title: `ρ ${doc.column} calm`, value: (x) => corr(doc.calm, x.i), align: 'right' },
        {
          title: `ρ ${doc.column} stressed`,
          value: (x) => corr(doc.stressed, x.i),
          align: 'right',
        },
      ],
    ),
    '(full calm and stressed covariance and correlation matrices: --format json)',
  );
  return lines.join('\n');
}

/** Registers `ballast regimes` (called from `registerStress`). */
export function registerRegimes(program: Command, io: Io): void {
  program
    .command('regimes')
    .description(
      'Regime detection on a return series (Markov switching or volatility threshold) and calm vs stressed volatility/correlation of the file’s columns',
    )
    .requiredOption('--returns <file>', 'returns CSV date,A,B,... (decimal simple returns)')
    .requiredOption('--column <name>', 'the market series whose regimes are detected')
    .option('--model <model>', 'markov | threshold', 'markov')
    .option('--window <n>', 'threshold model: rolling window (periods)', '21')
    .option(
      '--quantile <q>',
      'threshold model: quantile of rolling vol above which = stressed',
      '0.8',
    )
    .option('--format <format>', 'table | json', 'table')
    .action((options: RegimesOptions) => {
      if (!['table', 'json'].includes(options.format))
        throw invalidInput('--format', options.format, 'expected table or json');
      const model = modelOf(options);
      const file = parseReturnsFileCsv(readTextFile(options.returns, '--returns'), options.returns);
      const column = file.columns.find(
        (c) => c.toLowerCase() === options.column.trim().toLowerCase(),
      );
      if (column === undefined) {
        throw new BallastError(
          'NOT_FOUND',
          `--column: no column "${options.column}" in ${options.returns} (columns: ${file.columns.join(', ')})`,
          { field: '--column', value: options.column },
        );
      }
      const series = file.seriesByColumn.get(column)!;
      const detection = detectRegimes(
        Float64Array.from(series, (p) => p.value),
        model,
      );
      const regimeByDate = new Map(series.map((p, t) => [p.date, detection.stressed[t] ?? null]));
      const aligned = alignCommon(
        file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
      );
      const flags = aligned.dates.map((d) => regimeByDate.get(d) ?? null);
      const { calm, stressed } = regimeCovariance(aligned.columns, flags);
      const current = {
        date: series.at(-1)!.date,
        stressedProbability: detection.currentStressedProbability,
      };
      if (options.format === 'json') {
        io.out(
          JSON.stringify(
            {
              column,
              model: detection.model,
              periods: series.length,
              parameters: parameters(detection),
              calm: detection.calm,
              stressed: detection.stressedRegime,
              current,
              probabilities: series.map((p, t) => ({
                date: p.date,
                stressed: detection.stressedProbability[t],
              })),
              correlationRegimes: {
                columns: aligned.ids,
                calm: statsJson(calm),
                stressed: statsJson(stressed),
              },
            },
            null,
            2,
          ),
        );
        return;
      }
      io.out(table({ column, detection, ids: aligned.ids, calm, stressed, current }));
    });
}
