/**
 * The summary of a simulation as tiles, each with its one-line definition (docs/simulate.md,
 * "Output"): success and depletion probabilities and the median depletion year, the terminal
 * value's mean, median, 5 % and 95 % quantiles, the max drawdown's median and 95 % quantile, and
 * the safe withdrawal rate that 95 % of paths sustain. Nothing is computed here.
 */
import type { ReactNode } from 'react';
import type { SimulateDocument } from '../../api/documents.ts';
import { Tile } from '../../components/panel.tsx';
import { money, percent, quantity } from '../../format.ts';

/** One tile: its key (`data-tile`), label, formatted value and definition. */
interface TileSpec {
  readonly key: string;
  readonly label: string;
  readonly value: (doc: SimulateDocument) => string;
  readonly definition: (doc: SimulateDocument) => ReactNode;
}

/** The tiles, in order (definitions after docs/simulate.md). */
export const TILES: readonly TileSpec[] = [
  {
    key: 'success',
    label: 'Success probability',
    value: (d) => percent(d.successProbability),
    definition: () => 'Share of paths never depleted over the horizon.',
  },
  {
    key: 'depletion',
    label: 'Depletion probability',
    value: (d) => percent(d.depletion.probability),
    definition: () => 'Share of paths that could not pay a withdrawal (1 − success).',
  },
  {
    key: 'depletion-year',
    label: 'Median depletion year',
    value: (d) => quantity(d.depletion.medianYear, 1),
    definition: () => 'Median year of depletion over the depleted paths only (— when none was).',
  },
  {
    key: 'terminal-mean',
    label: 'Terminal mean',
    value: (d) => money(d.terminal.mean),
    definition: (d) =>
      `Mean final value (± ${money(d.terminal.standardError)} standard error s/√N).`,
  },
  {
    key: 'terminal-median',
    label: 'Terminal median',
    value: (d) => money(d.terminal.median),
    definition: () => 'Median final value; depleted paths count as 0.',
  },
  {
    key: 'terminal-p5',
    label: 'Terminal p5',
    value: (d) => money(d.terminal.p5),
    definition: () => '5 % quantile of the final value: 95 % of paths end above it.',
  },
  {
    key: 'terminal-p95',
    label: 'Terminal p95',
    value: (d) => money(d.terminal.p95),
    definition: () => '95 % quantile of the final value: 5 % of paths end above it.',
  },
  {
    key: 'drawdown-p50',
    label: 'Max drawdown p50',
    value: (d) => percent(d.maxDrawdown.p50),
    definition: () =>
      "Median over paths of the deepest fall of a path's return index (withdrawals are not losses).",
  },
  {
    key: 'drawdown-p95',
    label: 'Max drawdown p95',
    value: (d) => percent(d.maxDrawdown.p95),
    definition: () => '95 % quantile of the max drawdown: the deep tail.',
  },
  {
    key: 'swr-p95',
    label: 'Safe withdrawal rate p95',
    value: (d) => percent(d.safeWithdrawalRate.p95),
    definition: () =>
      'Yearly withdrawal, as a share of the initial value, that 95 % of paths sustain for the whole horizon.',
  },
];

/** The tiles of `doc` (see the module comment). */
export function SimulateTiles({ doc }: { doc: SimulateDocument }) {
  return (
    <div className="tiles simulate-tiles">
      {TILES.map((t) => (
        <div key={t.key} data-tile={t.key} className="tile-box">
          <Tile label={t.label} value={t.value(doc)} sub={t.definition(doc)} />
        </div>
      ))}
    </div>
  );
}
