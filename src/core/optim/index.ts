/** Small numerical optimisers: Nelder–Mead, BFGS, finite differences, Hessian inversion. */
export type { MinimizeReason, MinimizeResult, Objective } from './types.ts';
export { nelderMead, type NelderMeadOptions } from './nelder-mead.ts';
export { bfgs, type BfgsOptions } from './bfgs.ts';
export {
  numericGradient,
  numericHessian,
  numericJacobian,
  type StepOptions,
} from './finite-differences.ts';
export { invertPositiveDefinite, type InverseResult } from './invert-hessian.ts';
