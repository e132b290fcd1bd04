/** Small numerical optimisers: Nelder–Mead, BFGS, finite differences, Hessian inversion. */
export type { MinimizeReason, MinimizeResult, Objective } from './types';
export { nelderMead, type NelderMeadOptions } from './nelder-mead';
export { bfgs, type BfgsOptions } from './bfgs';
export {
  numericGradient,
  numericHessian,
  numericJacobian,
  type StepOptions,
} from './finite-differences';
export { invertPositiveDefinite, type InverseResult } from './invert-hessian';
