import type { Command } from 'commander';
import { createNyseCalendar } from '../../domain/calendar/trading-calendar.ts';
import { BallastError } from '../../domain/errors.ts';
import { priceQualityReport, type QualityReport } from '../../domain/series/data-quality.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';

interface QualityOptions {
  jump?: string;
  format: Format;
}

function reportText(symbol: string, r: QualityReport): string {
  const head = `${symbol}: score ${r.score}/100, ${r.observations} observations ${r.from ?? '—'}..${r.to ?? '—'}, ${r.missingTradingDays} of ${r.expectedTradingDays} NYSE trading days missing`;
  if (r.issues.length === 0) return `${head}\n  no issues`;
  return `${head}\n${renderTable(r.issues, [
    { title: 'date', value: (i) => i.date },
    { title: 'kind', value: (i) => i.kind },
    { title: 'detail', value: (i) => i.detail },
  ])}`;
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
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (symbols: string[], options: QualityOptions, command: Command) => {
      const jump = options.jump === undefined ? undefined : Number(options.jump);
      if (jump !== undefined && !(jump > 0)) {
        throw new BallastError(
          'INVALID_INPUT',
          `--jump: expected a positive fraction (got "${options.jump}")`,
          { field: 'jump', value: options.jump },
        );
      }
      const ctx = contextOf(command, runtime);
      try {
        const store = await ctx.store();
        const calendar = createNyseCalendar();
        const reports: Record<string, QualityReport> = {};
        for (const raw of symbols) {
          const symbol = raw.trim().toUpperCase();
          const bars = await store.getPriceBars(symbol);
          if (bars.length === 0) {
            throw new BallastError(
              'NOT_FOUND',
              `${symbol}: no stored prices (run ballast data fetch ${symbol} or data import)`,
              { field: 'symbol', value: symbol },
            );
          }
          reports[symbol] = priceQualityReport(bars, {
            calendar,
            ...(jump === undefined ? {} : { jumpThreshold: jump }),
          });
        }
        if (options.format === 'json') io.out(JSON.stringify(reports, null, 2));
        else
          io.out(
            Object.entries(reports)
              .map(([s, r]) => reportText(s, r))
              .join('\n\n'),
          );
      } finally {
        await ctx.close();
      }
    });
}
