/**
 * Validation and layout of a fund-mapping problem: exposure order (the covariance's), the
 * target vector, the cash exposure, usable funds and their exposure rows, accounts and the
 * (fund, account) positions that become the solver's first variables.
 *
 * Cash convention: when a cash exposure c is present, achieved cash = Σ_f w_f e_fc + (1 − Σ_f w_f),
 * i.e. x = E'ᵀw + u_c with E' = E − 1·u_cᵀ; the mapping then tracks t' = x* − u_c with E'.
 */

import { BallastError, invalidInput } from '../../errors.ts';
import type { FundAccount, FundMappingInput, FundMappingOptions } from './types.ts';

/** One (fund, account) position: solver variable `index`. */
export interface PositionSlot {
  readonly fund: string;
  readonly account: string;
  readonly index: number;
}

/** A validated mapping problem, ready to be modelled. */
export interface MappingSetup {
  readonly ids: readonly string[];
  /** Σ, row-major ids.length × ids.length. */
  readonly covariance: Float64Array;
  /** Target x* in `ids` order. */
  readonly target: Float64Array;
  /** Index of the cash exposure in `ids`, or −1. */
  readonly cashIndex: number;
  /** Usable funds, sorted. */
  readonly funds: readonly string[];
  /** Economic exposure per $1 of each usable fund, in `ids` order (E, before the cash shift). */
  readonly exposureRows: ReadonlyMap<string, Float64Array>;
  readonly accounts: readonly FundAccount[];
  readonly positions: readonly PositionSlot[];
  readonly excludedFunds: readonly { readonly fund: string; readonly reason: string }[];
}

const upper = (s: string): string => s.trim().toUpperCase();

function checkCovariance(input: FundMappingInput): void {
  const { ids, matrix } = input.covariance;
  const k = ids.length;
  if (k === 0) throw invalidInput('covariance.ids', ids, 'needs at least one exposure');
  if (new Set(ids).size !== k) throw invalidInput('covariance.ids', ids, 'ids repeat');
  if (matrix.rows !== k || matrix.cols !== k) {
    throw invalidInput('covariance.matrix', `${matrix.rows}×${matrix.cols}`, `must be ${k}×${k}`);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const a = matrix.data[i * k + j]!;
      const b = matrix.data[j * k + i]!;
      if (!Number.isFinite(a))
        throw invalidInput(`covariance[${ids[i]}][${ids[j]}]`, a, 'must be finite');
      if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a))) {
        throw invalidInput(`covariance[${ids[i]}][${ids[j]}]`, a, `not symmetric (transpose ${b})`);
      }
    }
    if (matrix.data[i * k + i]! < 0) {
      throw invalidInput(
        `covariance[${ids[i]}][${ids[i]}]`,
        matrix.data[i * k + i],
        'negative variance',
      );
    }
  }
}

function targetVector(input: FundMappingInput): Float64Array {
  const { ids } = input.covariance;
  const target = new Float64Array(ids.length);
  for (const [id, value] of Object.entries(input.targetExposures)) {
    const k = ids.indexOf(id);
    if (k < 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `targetExposures.${id}: exposure has no row in the covariance, so its risk cannot be measured`,
        { field: `targetExposures.${id}`, value },
      );
    }
    if (!Number.isFinite(value))
      throw invalidInput(`targetExposures.${id}`, value, 'must be finite');
    target[k] = value;
  }
  return target;
}

function cashIndexOf(ids: readonly string[], options: FundMappingOptions): number {
  if (options.cashExposureId === null) return -1;
  if (options.cashExposureId === undefined) return ids.indexOf('cash_rate');
  const k = ids.indexOf(options.cashExposureId);
  if (k < 0) throw invalidInput('cashExposureId', options.cashExposureId, 'not a covariance id');
  return k;
}

function usableFunds(
  input: FundMappingInput,
  options: FundMappingOptions,
): Pick<MappingSetup, 'funds' | 'exposureRows' | 'excludedFunds'> {
  const table = new Map(Object.entries(input.funds).map(([f, e]) => [upper(f), e]));
  const wanted = options.availableFunds?.map(upper) ?? [...table.keys()];
  const { ids } = input.covariance;
  const exposureRows = new Map<string, Float64Array>();
  const excludedFunds: { fund: string; reason: string }[] = [];
  for (const fund of [...new Set(wanted)].sort()) {
    const exposures = table.get(fund);
    if (exposures === undefined) throw invalidInput('availableFunds', fund, 'no fund definition');
    const row = new Float64Array(ids.length);
    const missing: string[] = [];
    for (const [id, value] of Object.entries(exposures)) {
      if (!Number.isFinite(value))
        throw invalidInput(`funds.${fund}.${id}`, value, 'must be finite');
      const k = ids.indexOf(id);
      if (k >= 0) row[k] = value;
      else if (value !== 0) missing.push(id);
    }
    if (missing.length > 0) {
      excludedFunds.push({
        fund,
        reason: `exposure(s) ${missing.join(', ')} not in the covariance`,
      });
    } else exposureRows.set(fund, row);
  }
  return { funds: [...exposureRows.keys()], exposureRows, excludedFunds };
}

function accountsOf(options: FundMappingOptions, funds: readonly string[]): FundAccount[] {
  const accounts = options.accounts ?? [{ id: 'ALL', valueFraction: 1 }];
  if (accounts.length === 0) throw invalidInput('accounts', [], 'needs at least one account');
  const total = accounts.reduce((s, a) => s + a.valueFraction, 0);
  if (Math.abs(total - 1) > 1e-9) {
    throw invalidInput('accounts', { sum: total }, 'valueFraction must sum to 1 over accounts');
  }
  const seen = new Set<string>();
  return accounts.map((a, i) => {
    if (seen.has(a.id)) throw invalidInput(`accounts[${i}].id`, a.id, 'account listed twice');
    seen.add(a.id);
    if (!Number.isFinite(a.valueFraction) || a.valueFraction < 0) {
      throw invalidInput(`accounts[${i}].valueFraction`, a.valueFraction, 'must be ≥ 0');
    }
    const list = a.funds?.map(upper) ?? funds;
    return { ...a, funds: [...new Set(list)].filter((f) => funds.includes(f)).sort() };
  });
}

/**
 * Validates the inputs and lays out positions (accounts in the order given, funds sorted
 * within each). Throws INVALID_INPUT naming the field for a malformed covariance, a target on
 * an exposure without a covariance row, an unknown fund or cash id, accounts not summing to 1,
 * or no usable fund at all. A fund with a non-zero exposure outside the covariance is excluded
 * and reported (its risk cannot be measured; it is never padded with made-up risk).
 */
export function setupMapping(input: FundMappingInput, options: FundMappingOptions): MappingSetup {
  checkCovariance(input);
  const target = targetVector(input);
  const ids = input.covariance.ids;
  const cashIndex = cashIndexOf(ids, options);
  const usable = usableFunds(input, options);
  const accounts = accountsOf(options, usable.funds);
  const positions: PositionSlot[] = [];
  for (const account of accounts) {
    for (const fund of account.funds ?? []) {
      positions.push({ fund, account: account.id, index: positions.length });
    }
  }
  if (positions.length === 0) {
    throw new BallastError('INVALID_INPUT', 'funds: no usable fund to map the exposures onto', {
      field: 'funds',
      excluded: usable.excludedFunds,
    });
  }
  return {
    ids,
    covariance: input.covariance.matrix.data,
    target,
    cashIndex,
    ...usable,
    accounts,
    positions,
  };
}
