/**
 * What a stage-2 solution means: fund weights, cash lines, achieved exposures, tracking
 * error, notional, gross economic exposure, costs and every user constraint checked from the
 * weights themselves (not from the solver's auxiliary variables), with the one tolerance and
 * failure policy of `check.ts` (the caller, `mapping.ts`, throws when a check fails).
 */

import { fundBounds, rateFor } from './problem.ts';
import type { MappingSetup } from './setup.ts';
import type { Warning } from '../../warnings.ts';
import { CHECK_TOLERANCE, constraintCheck as check, type ConstraintCheck } from '../check.ts';
import type { FundMappingOptions, FundMappingResult, FundPosition } from './types.ts';

/** The parts of {@link FundMappingResult} computed from the position weights. */
export type MappingReport = Omit<
  FundMappingResult,
  'status' | 'minimumPositions' | 'excludedFunds' | 'diagnostics' | 'warnings'
> & { readonly warnings: Warning[] };

function exposureFigures(setup: MappingSetup, totals: ReadonlyMap<string, number>, cash: number) {
  const k = setup.ids.length;
  const achieved = new Float64Array(k);
  for (const [fund, w] of totals) {
    const row = setup.exposureRows.get(fund)!;
    for (let i = 0; i < k; i++) achieved[i]! += w * row[i]!;
  }
  if (setup.cashIndex >= 0) achieved[setup.cashIndex]! += cash;
  const gap = achieved.map((a, i) => a - setup.target[i]!);
  let variance = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) variance += gap[i]! * setup.covariance[i * k + j]! * gap[j]!;
  }
  const byId = (v: Float64Array): Record<string, number> =>
    Object.fromEntries(setup.ids.map((id, i) => [id, v[i]!]));
  const gross = setup.ids.reduce(
    (s, _, i) => (i === setup.cashIndex ? s : s + Math.abs(achieved[i]!)),
    0,
  );
  return { achieved: byId(achieved), gaps: byId(gap), target: byId(setup.target), variance, gross };
}

/** Reports position weights `w` (solver variables 0…P−1) of a mapping (see module comment). */
export function reportMapping(
  setup: MappingSetup,
  options: FundMappingOptions,
  w: ArrayLike<number>,
): MappingReport {
  const totals = new Map(setup.funds.map((f) => [f, 0]));
  const cashByAccount: Record<string, number> = {};
  for (const a of setup.accounts) cashByAccount[a.id] = a.valueFraction;
  const positions: FundPosition[] = [];
  let notional = 0;
  for (const p of setup.positions) {
    const weight = w[p.index]!;
    totals.set(p.fund, totals.get(p.fund)! + weight);
    cashByAccount[p.account]! -= weight;
    notional += Math.abs(weight);
    if (Math.abs(weight) > 1e-12) positions.push({ fund: p.fund, account: p.account, weight });
  }
  positions.sort((a, b) => (a.fund < b.fund ? -1 : a.fund > b.fund ? 1 : 0));
  const cashWeight = 1 - [...totals.values()].reduce((s, x) => s + x, 0);
  const fig = exposureFigures(setup, totals, cashWeight);
  const costs = options.costs ?? {};
  const borrowed = Object.values(cashByAccount).reduce((s, c) => s + Math.max(0, -c), 0);
  const costTerms = {
    transaction: setup.funds.reduce(
      (s, f) =>
        s +
        rateFor(costs.transaction, f, 'costs.transaction') *
          Math.abs(totals.get(f)! - (costs.currentWeights?.[f] ?? 0)),
      0,
    ),
    holdingAnnual: setup.positions.reduce(
      (s, p) =>
        s + rateFor(costs.holdingAnnual, p.fund, 'costs.holdingAnnual') * Math.abs(w[p.index]!),
      0,
    ),
    borrowingAnnual: rateFor(options.borrowing?.costAnnual, '', 'borrowing.costAnnual') * borrowed,
  };
  const checks: ConstraintCheck[] = [];
  const borrowing = options.borrowing;
  for (const a of setup.accounts) {
    const room = borrowing !== undefined && a.canBorrow !== false ? borrowing.maxFraction : 0;
    checks.push(check(`budget:${a.id}`, cashByAccount[a.id]! + room));
  }
  if (borrowing !== undefined) checks.push(check('borrowing', borrowing.maxFraction - borrowed));
  if (options.notionalCap !== undefined)
    checks.push(check('notional', options.notionalCap - notional));
  for (const f of setup.funds) {
    const { lower, upper } = fundBounds(options, f);
    const wf = totals.get(f)!;
    if (lower > -Infinity || upper < Infinity) {
      checks.push(check(`bounds:${f}`, Math.min(wf - lower, upper - wf)));
    }
  }
  const m = options.minimumPosition;
  if (m !== undefined) {
    const sizes = setup.positions
      .map((p) => Math.abs(w[p.index]!))
      .filter((x) => x > CHECK_TOLERANCE);
    checks.push(check('minimumPosition', sizes.length === 0 ? 0 : Math.min(...sizes) - m));
  }
  const warnings: Warning[] = [];
  setup.ids.forEach((id, i) => {
    const reachable =
      i === setup.cashIndex || [...setup.exposureRows.values()].some((r) => r[i] !== 0);
    if (setup.target[i] !== 0 && !reachable) {
      warnings.push({
        code: 'EXPOSURE_UNREACHABLE',
        message: `exposure ${id}: target ${setup.target[i]} but no usable fund has this exposure`,
        details: { exposure: id, target: setup.target[i] },
      });
    }
  });
  const trackingVariance = Math.max(0, fig.variance);
  return {
    weightsByFund: Object.fromEntries(totals),
    positions,
    cashWeight,
    cashByAccount,
    achievedExposures: fig.achieved,
    targetExposures: fig.target,
    exposureGaps: fig.gaps,
    trackingErrorAnnual: Math.sqrt(trackingVariance),
    totalNotional: notional,
    grossEconomicExposure: fig.gross,
    costs: costTerms,
    objective:
      trackingVariance +
      costTerms.transaction +
      costTerms.holdingAnnual +
      costTerms.borrowingAnnual,
    constraintsChecked: checks,
    warnings,
  };
}
