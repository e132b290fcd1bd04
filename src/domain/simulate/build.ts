/**
 * Building a run's {@link Generator} from a returns panel (docs/simulate.md, "Methods"): the
 * historical portfolio returns for the bootstraps, the sample mean and covariance (n − 1) for
 * normal and student-t (with ν fitted by maximum likelihood, student-t.ts), and for regime the
 * project's two-state Markov-switching model (stress/markov-switching.ts) fitted by EM to the
 * historical portfolio returns: each period is assigned to the state whose smoothed probability
 * is ≥ ½ (stressed on a tie), each state gets the sample mean and covariance of the asset returns
 * of its periods (stress/regime-covariance.ts), and the chain keeps the fitted transition matrix.
 */

import { invalidInput } from '../errors.ts';
import { fitMarkovSwitching } from '../stress/markov-switching.ts';
import { regimeCovariance } from '../stress/regime-covariance.ts';
import { gaussianOf, semidefiniteFactor } from './gaussian.ts';
import type { BlockType, GaussianModel, Generator, SimulationMethod } from './model.ts';
import { fitStudentTDf } from './student-t.ts';

/** Input of {@link buildGenerator}. */
export interface GeneratorInput {
  /** Asset return columns (decimals per period), aligned, each of length n ≥ 2. */
  readonly columns: readonly Float64Array[];
  readonly weights: Float64Array;
  readonly method: SimulationMethod;
  readonly blockLength?: number;
  readonly blockType?: BlockType;
  /** Cash earned on 1 − Σw > 0 and paid on Σw − 1 > 0, per period (decimals). */
  readonly cash?: { readonly rate: number; readonly borrow: number };
}

/** What the fit found, for the output. */
export interface GeneratorFit {
  readonly df?: number;
  readonly regime?: {
    readonly transition: readonly [number, number, number, number];
    readonly stressedStart: number;
    readonly periods: readonly [number, number];
    readonly converged: boolean;
  };
}

/** c·(1 − Σw): the cash part of a period's portfolio return (model.ts). */
export function cashReturnOf(weights: Float64Array, cash: GeneratorInput['cash']): number {
  if (!cash) return 0;
  let sum = 0;
  for (const w of weights) sum += w;
  const spare = 1 - sum;
  return spare >= 0 ? spare * cash.rate : spare * cash.borrow;
}

/** Historical portfolio returns Σ wᵢ r_{t,i} + cash, one per row. */
export function portfolioHistory(input: GeneratorInput, cashReturn: number): Float64Array {
  const n = input.columns[0]!.length;
  const out = new Float64Array(n).fill(cashReturn);
  input.columns.forEach((c, i) => {
    const w = input.weights[i]!;
    for (let t = 0; t < n; t++) out[t]! += w * c[t]!;
  });
  return out;
}

function regimeOf(
  input: GeneratorInput,
  history: Float64Array,
): { regime: NonNullable<Generator['regime']>; fit: NonNullable<GeneratorFit['regime']> } {
  const fit = fitMarkovSwitching(history);
  const stressed = fit.smoothed.map((s) => s[1] >= 0.5);
  const stats = regimeCovariance(input.columns, stressed);
  const k = input.columns.length;
  const model = (s: typeof stats.calm): GaussianModel => ({
    mean: Float64Array.from(s.means),
    lower: semidefiniteFactor(Float64Array.from(s.covariance.flat()), k),
  });
  const t = fit.params.transition;
  const transition = [t[0][0], t[0][1], t[1][0], t[1][1]] as const;
  return {
    regime: {
      states: [model(stats.calm), model(stats.stressed)],
      transition,
      stressedStart: fit.ergodic[1],
    },
    fit: {
      transition,
      stressedStart: fit.ergodic[1],
      periods: [stats.calm.count, stats.stressed.count],
      converged: fit.converged,
    },
  };
}

/** The generator of `input` and what was fitted (module comment). */
export function buildGenerator(input: GeneratorInput): { generator: Generator; fit: GeneratorFit } {
  const n = input.columns[0]?.length ?? 0;
  if (n < 2) throw invalidInput('returns', n, 'at least 2 periods of returns are needed');
  const cashReturn = cashReturnOf(input.weights, input.cash);
  const base = {
    method: input.method,
    assets: input.columns.length,
    weights: input.weights,
    cashReturn,
  };
  const history = portfolioHistory(input, cashReturn);
  switch (input.method) {
    case 'bootstrap':
      return { generator: { ...base, history }, fit: {} };
    case 'block-bootstrap': {
      const blockLength = input.blockLength ?? 12;
      if (blockLength > n)
        throw invalidInput(
          'blockLength',
          blockLength,
          `must not exceed the ${n} periods of returns`,
        );
      const blockType = input.blockType ?? 'fixed';
      return { generator: { ...base, history, blockLength, blockType }, fit: {} };
    }
    case 'normal':
      return { generator: { ...base, gaussian: gaussianOf(input.columns) }, fit: {} };
    case 'student-t': {
      const gaussian = gaussianOf(input.columns);
      const df = fitStudentTDf(input.columns, gaussian.mean, gaussian.lower);
      return { generator: { ...base, gaussian, df }, fit: { df } };
    }
    case 'regime': {
      const { regime, fit } = regimeOf(input, history);
      return { generator: { ...base, regime }, fit: { regime: fit } };
    }
  }
}
