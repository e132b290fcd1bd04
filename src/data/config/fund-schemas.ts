/**
 * zod schemas of fund files: the canonical `config/funds.yaml` layout (strict, camelCase)
 * and the upstream weight-and-leverage layout (snake_case, extra keys tolerated).
 */

import * as z from 'zod';
import type {
  FundDefinition,
  FundUniverse,
  WeightStyleFund,
  WeightStyleUniverse,
} from '../../domain/exposures/fund-types.ts';
import { dropUndefined } from './drop-undefined.ts';

const text = z.string().trim().min(1);
const finiteByName = z.record(z.string(), z.number());

/** One canonical fund definition (economic exposure per $1 of NAV on universe ids). */
export const fundDefinitionSchema = z
  .strictObject({
    name: text,
    category: text,
    exposures: finiteByName,
    sourceExposures: finiteByName.optional(),
    provenance: text,
    validatedBy: text.nullable(),
    notes: text.optional(),
    currencyHedged: z.boolean().optional(),
  })
  .transform(dropUndefined) satisfies z.ZodType<FundDefinition>;

/** The canonical fund universe file: `funds: { SYMBOL: definition }`. */
export const fundUniverseSchema = z.strictObject({
  funds: z.record(z.string(), fundDefinitionSchema),
}) satisfies z.ZodType<FundUniverse>;

const weightStyleFundSchema = z
  .looseObject({
    name: text,
    category: text,
    exposures: finiteByName,
    total_notional: z.number().positive(),
    replication: z.looseObject({ notes: z.string().optional() }).optional(),
  })
  .transform((fund): WeightStyleFund => ({
    name: fund.name,
    category: fund.category,
    exposures: fund.exposures,
    totalNotional: fund.total_notional,
    ...(fund.replication?.notes === undefined ? {} : { replicationNotes: fund.replication.notes }),
  }));

/** A weight-and-leverage file (upstream `fund_universe*.yaml`). */
export const weightStyleUniverseSchema = z
  .looseObject({
    exposure_types: z.record(z.string(), z.string()).optional(),
    funds: z.record(z.string(), weightStyleFundSchema),
  })
  .transform((file): WeightStyleUniverse => ({
    funds: file.funds,
    ...(file.exposure_types === undefined ? {} : { exposureTypes: file.exposure_types }),
  }));
