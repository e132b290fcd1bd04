import type { Command } from 'commander';
import { regimes, type RegimesDocument, type RegimeStatsDocument } from '../../app/regimes.ts';
import { renameFieldToFlag } from '../flag-errors.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { choiceFlag, numberFlag } from './options.ts';

interface RegimesOptions {
  returns: string;
  column: string;
  model: string;
  window: string;
  quantile: string;
  format: Format;
}

function modelLine(doc: RegimesDocument): string {
  const p = doc.parameters;
  if ('value' in p) return `volatility threshold: window ${p.window}, quantile ${p.quantile}`;
  return 'two-state Markov switching, EM';
}

function fitLine(doc: RegimesDocument): string {
  const p = doc.parameters;
  if ('value' in p) return `threshold rolling vol ${fmtPercent(p.value)}`;
  const t = p.transition;
  return `transition P(calm→calm) ${t[0]![0]!.toFixed(4)}, P(stressed→stressed) ${t[1]![1]!.toFixed(4)}; expected durations ${p.expectedDurations.map((x) => x.toFixed(1)).join(' / ')} periods; ${p.converged ? 'converged' : 'NOT converged'} after ${p.iterations} EM iterations`;
}

function regimesTable(doc: RegimesDocument): string {
  const fmt = (x: number | null): string => (x === null ? '—' : fmtPercent(x));
  const { columns: ids, calm, stressed } = doc.correlationRegimes;
  const at = ids.indexOf(doc.column);
  const corr = (s: RegimeStatsDocument, i: number): string =>
    at < 0 ? '—' : (s.correlation[i]![at]?.toFixed(2) ?? '—');
  return [
    `Regimes of ${doc.column} (${modelLine(doc)}); per-period figures`,
    `calm: ${doc.calm.count} periods, mean ${fmt(doc.calm.mean)}, vol ${fmt(doc.calm.vol)}`,
    `stressed: ${doc.stressed.count} periods, mean ${fmt(doc.stressed.mean)}, vol ${fmt(doc.stressed.vol)}`,
    fitLine(doc),
    `current (${doc.current.date}): stressed probability ${doc.current.stressedProbability.toFixed(4)}`,
    '',
    `Calm vs stressed (${calm.count} / ${stressed.count} common dates)`,
    renderTable(
      ids.map((id, i) => ({ id, i })),
      [
        { title: 'Series', value: (x) => x.id },
        { title: 'Vol calm', value: (x) => fmtPercent(calm.vols[x.i]!), align: 'right' },
        { title: 'Vol stressed', value: (x) => fmtPercent(stressed.vols[x.i]!), align: 'right' },
        { title: `ρ ${doc.column} calm`, value: (x) => corr(calm, x.i), align: 'right' },
        { title: `ρ ${doc.column} stressed`, value: (x) => corr(stressed, x.i), align: 'right' },
      ],
    ),
    '(full calm and stressed covariance and correlation matrices: --format json)',
  ].join('\n');
}

/** One CSV row per date of the column: the probability of the stressed regime. */
function regimesCsv(doc: RegimesDocument): string {
  return renderCsv(doc.probabilities, [
    { title: 'date', value: (p) => p.date },
    {
      title: 'stressed_probability',
      value: (p) => (p.stressed === null ? '' : String(p.stressed)),
    },
  ]);
}

/** Registers `ballast regimes`. */
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
    .option(
      '--format <format>',
      'table | json | csv (csv: the stressed probability per date)',
      parseFormat,
      'table' as Format,
    )
    .action((options: RegimesOptions) => {
      const model = choiceFlag('--model', options.model, ['markov', 'threshold'] as const);
      const threshold =
        model === 'threshold'
          ? {
              window: numberFlag('--window', options.window, (x) => Number.isInteger(x) && x >= 2)!,
              quantile: numberFlag('--quantile', options.quantile, (x) => x > 0 && x < 1)!,
            }
          : {};
      let doc: RegimesDocument;
      try {
        doc = regimes({
          returns: { path: options.returns },
          column: options.column,
          model,
          ...threshold,
        });
      } catch (e) {
        throw renameFieldToFlag(e, { returns: '--returns', column: '--column' });
      }
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => regimesTable(doc),
          csv: () => regimesCsv(doc),
        }),
      );
    });
}
