/** Asset location: one target allocation across taxable, traditional and Roth accounts. */
export { placeAssets } from './place-assets.ts';
export { LOCATION_OBJECTIVE } from './report.ts';
export {
  afterTaxValuePerDollar,
  exposureTaxDrag,
  mixFigures,
  type MixFigures,
} from './tax-model.ts';
export * from './types.ts';
