import type { Command } from 'commander';
import {
  dataQuality,
  type DataQualityDocument,
  type QualityIssue,
  type QualityReport,
} from '../../app/data-quality.ts';
import { invalidInput } from '../../app/errors.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';

interface QualityOptions {
  jump?: string;
  format: Format;
}

type IssueRow = QualityIssue & { readonly symbol: string };

const issueColumns: Column<IssueRow>[] = [
  { title: 'symbol', value: (i) => i.symbol },
  { title: 'date', value: (i) => i.date },
  { title: 'kind', value: (i) => i.kind },
  { title: 'detail', value: (i) => i.detail },
];

function reportText(symbol: string, r: QualityReport): string {
  const head = `${symbol}: score ${r.score}/100, ${r.observations} observations ${r.from ?? '—'}..${r.to ?? '—'}, ${r.missingTradingDays} of ${r.expectedTradingDays} NYSE trading days missing`;
  if (r.issues.length === 0) return `${head}\n  no issues`;
  return `${head}\n${renderTable(r.issues, issueColumns.slice(1) as Column<QualityIssue>[])}`;
}

/** Every issue of every symbol, one row each (the CSV view). */
const issueRows = (doc: DataQualityDocument): IssueRow[] =>
  Object.entries(doc).flatMap(([symbol, r]) => r.issues.map((i) => ({ ...i, symbol })));

/** `--jump`: a positive fraction. */
function jumpOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !(x > 0) || !Number.isFinite(x))
    throw invalidInput('--jump', value, 'expected a positive fraction');
  return x;
}

/** Registers `ballast data quality SYMBOL...`: the data-quality report of stored prices. */
export function registerDataQuality(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('quality')
    .description(
      'Data-quality report of stored prices: gaps, stale prices, jumps (flagged, never deleted), split/dividend anomalies',
    )
    .argument('<symbols...>', 'symbols already in the store')
    .option('--jump <fraction>', 'flag |daily return| above this (default 0.15)')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per issue)',
      parseFormat,
      'table' as Format,
    )
    .action(async (symbols: string[], options: QualityOptions, command: Command) => {
      const jump = jumpOption(options.jump);
      const doc = await withDeps(command, runtime, (deps) =>
        dataQuality({ symbols, ...(jump === undefined ? {} : { jumpThreshold: jump }) }, deps),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () =>
            Object.entries(doc)
              .map(([s, r]) => reportText(s, r))
              .join('\n\n'),
          csv: () => renderCsv(issueRows(doc), issueColumns),
        }),
      );
    });
}
