/**
 * Economic exposure loadings of returns columns (docs/conventions.md, "Holdings, ledger and
 * exposures": a fund's economic exposure per $1 of NAV). A column that is a fund symbol of the
 * fund definitions gets the fund's exposures as its row; a column that is an exposure id of
 * `config/exposures.yaml` (case-insensitive) gets 1 on itself; any other column is an
 * INVALID_INPUT naming it — never a silent zero row. Exposures are ordered as in
 * `config/exposures.yaml`, ids outside it last in first-seen order.
 */

import type { Matrix } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import { loadExposureConfig } from '../data/config/load-exposure-config.ts';
import {
  fundsSourceName,
  loadFunds,
  type DefinitionDeps,
  type FundsSource,
} from './funds-source.ts';

/** Loadings E (n columns × K exposures) and the category of every configured exposure. */
export interface ExposureLoadings {
  /** The K exposures some column loads on. */
  readonly names: readonly string[];
  /** E, n × K row-major. */
  readonly loadings: Matrix;
  /** Exposure id → category id (config/exposures.yaml). */
  readonly categoryOf: ReadonlyMap<string, string>;
}

/**
 * The loadings of `columns` (module comment). `funds` is where the fund definitions come from
 * (default: the shipped `config/funds.yaml`; `fundsField` names it in errors, `deps` reads a
 * stored set); `field` is the input named by the error on an unmapped column.
 */
export async function exposureLoadings(
  columns: readonly string[],
  options: {
    readonly funds?: FundsSource | undefined;
    readonly fundsField?: string;
    readonly deps?: DefinitionDeps | undefined;
    readonly field: string;
  },
): Promise<ExposureLoadings> {
  const [universe, config] = await Promise.all([
    loadFunds(options.funds, options.deps, options.fundsField),
    loadExposureConfig(),
  ]);
  const known = new Set(config.exposures.map((e) => e.id));
  const rows = columns.map((column): Readonly<Record<string, number>> => {
    const fund = universe.funds[column] ?? universe.funds[column.toUpperCase()];
    if (fund !== undefined) return fund.exposures;
    const id = column.toLowerCase();
    if (known.has(id)) return { [id]: 1 };
    throw invalidInput(
      options.field,
      column,
      `column "${column}" is neither a fund of ${fundsSourceName(options.funds)} nor an exposure id of config/exposures.yaml`,
    );
  });
  const used = new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== 0)));
  const names = [
    ...config.exposures.map((e) => e.id).filter((id) => used.has(id)),
    ...[...used].filter((id) => !known.has(id)),
  ];
  const k = names.length;
  const data = new Float64Array(columns.length * k);
  rows.forEach((r, i) => names.forEach((name, j) => (data[i * k + j] = r[name] ?? 0)));
  return {
    names,
    loadings: { rows: columns.length, cols: k, data },
    categoryOf: new Map(config.exposures.map((e) => [e.id, e.category])),
  };
}
