/** Exposure returns for historical scenarios: moved to `src/app/exposure-panel.ts` (kept here for imports). */
export {
  sampleExposureReturns,
  storedExposureReturns,
  type ExposureReturnSource,
} from '../../app/exposure-panel.ts';
