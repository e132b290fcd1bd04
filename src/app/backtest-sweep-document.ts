/**
 * The `backtest --sweep` document (docs/backtest.md, "Sweeps") from a prepared sweep and its
 * variants' outcomes, wherever they ran: one row per variant sorted best first, the axes, the
 * benchmark's row, and the variants' warnings merged.
 */

import { sortByMetric, SWEEP_METRICS } from '../domain/backtest/sweep.ts';
import { strategyDocument, type BacktestStrategyDocument } from './backtest.ts';
import { matrixWindow } from './backtest-prices.ts';
import type { SweepAxis } from './backtest-sweep-grid.ts';
import { sweepWarnings } from './backtest-sweep-execute.ts';
import type { SweepOutcome } from './backtest-sweep-run.ts';
import type {
  BacktestSweepDocument,
  BacktestSweepVariant,
  PreparedSweep,
} from './backtest-sweep.ts';

/** The document of a prepared sweep from its variants' outcomes. */
export function sweepDocument(
  prepared: PreparedSweep,
  executed: {
    readonly outcomes: readonly SweepOutcome[];
    readonly threads: number;
    readonly pieces?: number;
  },
): BacktestSweepDocument {
  const { input, config, names, axes, variants, exposures, prices, market, bench } = prepared;
  const { outcomes, threads } = executed;
  const rows: BacktestSweepVariant[] = variants.map((v, i) => {
    const { row, document } = outcomes[i]!;
    const rest = document === undefined ? {} : (({ name: _, ...d }) => d)(document);
    const mapping = exposures.documents[i];
    const targets = document && mapping ? { exposureTargets: mapping } : {};
    return { name: v.name, strategy: v.strategy, params: v.params, ...row, ...rest, ...targets };
  });
  const sorted = sortByMetric(rows, input.sortBy);
  const benchDoc = bench ? strategyDocument(`${bench.symbol} (benchmark)`, bench) : undefined;
  return {
    window: matrixWindow(market),
    prices: prices.source,
    initial: config.initial,
    cash: config.cash,
    rowsPerYear: 252,
    sweep: axes.map((a) => describeAxis(a, names)),
    sortedBy: { metric: input.sortBy, better: SWEEP_METRICS[input.sortBy].better },
    total: rows.length,
    threads,
    ...(executed.pieces === undefined ? {} : { pieces: executed.pieces }),
    variants: input.top === undefined ? sorted : sorted.slice(0, input.top),
    ...(bench && benchDoc
      ? {
          benchmark: {
            symbol: bench.symbol,
            ...benchmarkRow(benchDoc),
          },
        }
      : {}),
    warnings: sweepWarnings(
      [...prices.warnings, ...exposures.warnings],
      outcomes.map((o) => o.warnings),
    ),
  };
}

function describeAxis(axis: SweepAxis, names: readonly string[]) {
  const t = axis.target;
  return {
    axis: axis.written,
    label: axis.label,
    sets:
      t.kind === 'config' ? 'config' : t.strategy === null ? 'every strategy' : names[t.strategy]!,
    values: axis.values.map((v) => v.value),
  };
}

/** The benchmark's row: the document's measures without its daily series. */
function benchmarkRow(d: BacktestStrategyDocument) {
  return {
    name: d.name,
    finalValue: d.finalValue,
    twr: d.twr,
    twrAnnualized: d.twrAnnualized,
    mwr: d.mwr,
    mwrBasis: d.mwrBasis,
    costs: d.costs,
    interest: d.interest,
    rebalanceCount: d.rebalances.length,
    metrics: d.metrics,
  };
}
