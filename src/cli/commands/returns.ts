import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  FREQUENCIES,
  returns,
  returnsRows,
  RETURN_KINDS,
  windowLine,
  type ReturnsDocument,
  type ReturnsInput,
  type ReturnsRow,
} from '../../app/returns.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { parseDateOption } from './options.ts';

interface ReturnsOptions {
  symbols: string;
  from?: string;
  to?: string;
  frequency: string;
  kind: string;
  align: string;
  format: Format;
}

/** The date × id table of the document (empty cells where an id has no value). */
function tableOf(doc: ReturnsDocument): { rows: ReturnsRow[]; columns: Column<ReturnsRow>[] } {
  const { ids, rows } = returnsRows(doc);
  return {
    rows,
    columns: [
      { title: 'date', value: (r) => r.date },
      ...ids.map((id, i): Column<ReturnsRow> => ({
        title: id,
        value: (r) => (r.values[i] === null ? '' : String(r.values[i])),
        align: 'right',
      })),
    ],
  };
}

/** Registers `ballast returns`. */
export function registerReturns(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('returns')
    .description(
      'Return series (total, price, log, real, excess) at any frequency, from stored or fetched data',
    )
    .requiredOption('--symbols <list>', 'comma-separated symbols (or imported return columns)')
    .option('--from <date>', 'first date (default: ten years ago)', (v) =>
      parseDateOption('--from', v),
    )
    .option('--to <date>', 'last date, inclusive (default: today)', (v) =>
      parseDateOption('--to', v),
    )
    .option('--frequency <f>', FREQUENCIES.join(' | '), 'daily')
    .option(
      '--kind <kind>',
      `${RETURN_KINDS.join(' | ')} (excess: geometric over DGS3MO; real: exact Fisher over CPIAUCSL)`,
      'total',
    )
    .option(
      '--align <policy>',
      'common (dates all series share) | pairwise (union, gaps left empty)',
      'common',
    )
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: ReturnsOptions, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        returns(
          {
            symbols: options.symbols
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            from: options.from,
            to: options.to,
            // zod validates the choices and names the field in its error
            frequency: options.frequency as ReturnsInput['frequency'],
            kind: options.kind as ReturnsInput['kind'],
            align: options.align as ReturnsInput['align'],
          },
          deps,
        ),
      );
      for (const line of warningLines(doc.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => {
            const t = tableOf(doc);
            return [renderTable(t.rows, t.columns), windowLine(doc.window)].join('\n');
          },
          csv: () => {
            const t = tableOf(doc);
            return renderCsv(t.rows, t.columns);
          },
        }),
      );
    });
}
