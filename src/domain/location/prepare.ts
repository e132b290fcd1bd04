/**
 * Checks a {@link LocationProblem} and computes what the program needs: one candidate
 * position per (account, fund on its menu) with its after-tax value per dollar and its drag,
 * the exposure ids, the basis weight of each account and the household totals.
 */

import { BallastError, invalidInput } from '../errors.ts';
import { afterTaxValuePerDollar, mixFigures, type MixFigures } from './tax-model.ts';
import type { LocationProblem, TraditionalBasis } from './types.ts';

/** One (account, fund) pair the program may fill. */
export interface CandidatePosition {
  readonly account: number;
  readonly fund: string;
  /** Economic exposure per $1 of the fund. */
  readonly exposures: Readonly<Record<string, number>>;
  /** After-tax dollars at the horizon per statement dollar placed (tax-model.ts). */
  readonly valuePerDollar: number;
  /** Tax drag per dollar per year (0 outside taxable accounts). */
  readonly dragPerDollar: number;
}

/** The checked problem with its derived figures. */
export interface PreparedLocation {
  readonly problem: LocationProblem;
  readonly basis: TraditionalBasis;
  readonly positions: readonly CandidatePosition[];
  /** Exposure ids: the targets' first, then any other exposure of a candidate fund (sorted). */
  readonly exposureIds: readonly string[];
  /** Basis weight per account: 1, or 1 − withdrawalRate for traditional on the after-tax basis. */
  readonly basisWeights: readonly number[];
  /** Σ balances (statement dollars). */
  readonly householdDollars: number;
  /** Σ basisWeight × balance. */
  readonly householdBasisDollars: number;
}

function checkRates(problem: LocationProblem): void {
  const t = problem.tax;
  for (const key of [
    'ordinaryRate',
    'qualifiedRate',
    'capitalGainsRate',
    'withdrawalRate',
  ] as const) {
    const v = t[key];
    if (!(v >= 0 && v < 1)) throw invalidInput(`tax.${key}`, v, 'a rate must be in [0, 1)');
  }
  if (!(t.horizonYears > 0 && Number.isFinite(t.horizonYears)))
    throw invalidInput(
      'tax.horizonYears',
      t.horizonYears,
      'the horizon must be a positive number of years',
    );
}

function checkAccounts(problem: LocationProblem): void {
  if (problem.accounts.length === 0)
    throw invalidInput('accounts', [], 'at least one account is needed');
  const seen = new Set<string>();
  problem.accounts.forEach((a, i) => {
    if (seen.has(a.name))
      throw invalidInput(`accounts[${i}].name`, a.name, 'account names must be unique');
    seen.add(a.name);
    if (!(a.balance >= 0 && Number.isFinite(a.balance)))
      throw invalidInput(
        `accounts[${i}].balance`,
        a.balance,
        'a balance must be a finite number ≥ 0',
      );
    a.funds.forEach((f, j) => {
      if (problem.funds[f] === undefined)
        throw invalidInput(`accounts[${i}].funds[${j}]`, f, 'not a fund of the fund definitions');
    });
    if (a.balance > 0 && a.funds.length === 0)
      throw invalidInput(
        `accounts[${i}].funds`,
        [],
        `account ${a.name} has a balance but no fund to hold`,
      );
  });
}

/** Throws INFEASIBLE naming the first target exposure that no account's fund carries. */
function checkReachable(problem: LocationProblem): void {
  const reachable = new Set(
    problem.accounts
      .filter((a) => a.balance > 0)
      .flatMap((a) =>
        a.funds.flatMap((f) =>
          Object.keys(problem.funds[f]!).filter((k) => problem.funds[f]![k] !== 0),
        ),
      ),
  );
  for (const [k, w] of Object.entries(problem.targetWeights)) {
    if (w !== 0 && !reachable.has(k))
      throw new BallastError(
        'INFEASIBLE',
        `target.${k}: no account can hold exposure ${k} (no fund on any account's menu carries it)`,
        { field: `target.${k}`, value: w, exposure: k },
      );
  }
}

/** Checks `problem` and derives the program's figures (module comment). */
export function prepareLocation(problem: LocationProblem): PreparedLocation {
  checkRates(problem);
  checkAccounts(problem);
  checkReachable(problem);
  const basis = problem.traditionalBasis ?? 'pre-tax';
  const figures = new Map<string, MixFigures>();
  const positions: CandidatePosition[] = [];
  problem.accounts.forEach((a, i) => {
    for (const fund of new Set(a.funds)) {
      const exposures = problem.funds[fund]!;
      let f = figures.get(fund);
      if (f === undefined) {
        f = mixFigures(exposures, problem.exposures, problem.tax);
        figures.set(fund, f);
      }
      positions.push({
        account: i,
        fund,
        exposures,
        valuePerDollar: afterTaxValuePerDollar(a.type, f, {
          rates: problem.tax,
          field: `funds.${fund}`,
        }),
        dragPerDollar: a.type === 'taxable' ? f.dragAnnual : 0,
      });
    }
  });
  const targets = Object.keys(problem.targetWeights);
  const others = [...new Set(positions.flatMap((p) => Object.keys(p.exposures)))]
    .filter((k) => !targets.includes(k))
    .sort();
  const basisWeights = problem.accounts.map((a) =>
    a.type === 'traditional' && basis === 'after-tax' ? 1 - problem.tax.withdrawalRate : 1,
  );
  const householdDollars = problem.accounts.reduce((s, a) => s + a.balance, 0);
  if (!(householdDollars > 0)) throw invalidInput('accounts', 0, 'the balances add up to nothing');
  return {
    problem,
    basis,
    positions,
    exposureIds: [...targets, ...others],
    basisWeights,
    householdDollars,
    householdBasisDollars: problem.accounts.reduce(
      (s, a, i) => s + basisWeights[i]! * a.balance,
      0,
    ),
  };
}
