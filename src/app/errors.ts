/** The error and warning types of Ballast, for the faces (CLI, API, jobs), which import only `src/app`. */
export {
  BallastError,
  ERROR_CODES,
  exitCodeOf,
  httpStatusOf,
  invalidInput,
  toBallastError,
  type ErrorCode,
  type ErrorDetails,
} from '../domain/errors.ts';
export { warning, warningLines, type Warning } from '../domain/warnings.ts';
