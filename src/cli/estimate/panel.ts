/** Panel helpers for commands not yet moved onto use cases: they live in `src/app/returns-panel.ts`. */
export { inferPeriodsPerYear, returnsMatrix as tableToMatrix } from '../../app/returns-panel.ts';
