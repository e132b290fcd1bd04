/**
 * Hand-made Form 8949 rows shared by the tax report tests (not part of the build). Every gain is
 * worked out by hand in the comment beside it: (h) = (d) − (e) + (g).
 */

import type { GainRow } from './types.ts';

/** Short-term, no adjustment: 48,512.34 − 45,000.00 = 3,512.34. */
export const VOO_SHORT: GainRow = {
  symbol: 'VOO',
  account: 'taxable',
  lotId: 'L2',
  quantity: 100,
  acquired: '2024-01-10',
  disposed: '2024-06-03',
  proceedsCents: 4_851_234,
  costBasisCents: 4_500_000,
  adjustmentCode: '',
  adjustmentCents: 0,
  gainCents: 351_234,
  term: 'short',
  part: 'I',
};

/** Short-term wash sale, part of the loss disallowed: 4,200.00 − 4,500.50 + 150.25 = −150.25. */
export const QQQ_WASH: GainRow = {
  symbol: 'QQQ',
  account: 'Joint, "main"',
  lotId: 'L5',
  quantity: 10,
  acquired: '2024-02-01',
  disposed: '2024-03-15',
  proceedsCents: 420_000,
  costBasisCents: 450_050,
  adjustmentCode: 'W',
  adjustmentCents: 15_025,
  gainCents: -15_025,
  term: 'short',
  part: 'I',
};

/** Short-term, a fractional share: 125.10 − 130.00 = −4.90. */
export const VTI_FRACTION: GainRow = {
  symbol: 'VTI',
  account: 'taxable',
  lotId: 'L7',
  quantity: 0.5,
  acquired: '2024-05-01',
  disposed: '2024-05-20',
  proceedsCents: 12_510,
  costBasisCents: 13_000,
  adjustmentCode: '',
  adjustmentCents: 0,
  gainCents: -490,
  term: 'short',
  part: 'I',
};

/** Long-term: 11,500.00 − 5,000.00 = 6,500.00. */
export const BRK_LONG: GainRow = {
  symbol: 'BRK.B',
  account: 'taxable',
  lotId: 'L1',
  quantity: 25,
  acquired: '2020-03-16',
  disposed: '2024-11-01',
  proceedsCents: 1_150_000,
  costBasisCents: 500_000,
  adjustmentCode: '',
  adjustmentCents: 0,
  gainCents: 650_000,
  term: 'long',
  part: 'II',
};

/** Inherited (always long-term): 740.70 − 800.00 = −59.30. */
export const VXUS_INHERITED: GainRow = {
  symbol: 'VXUS',
  account: 'taxable',
  lotId: 'L9',
  quantity: 12.345,
  acquired: 'INHERITED',
  disposed: '2024-12-30',
  proceedsCents: 74_070,
  costBasisCents: 80_000,
  adjustmentCode: '',
  adjustmentCents: 0,
  gainCents: -5_930,
  term: 'long',
  part: 'II',
};

/** The five rows, long ones first (the formats put Part I first whatever the input order). */
export const SAMPLE_ROWS: readonly GainRow[] = [
  BRK_LONG,
  VOO_SHORT,
  QQQ_WASH,
  VXUS_INHERITED,
  VTI_FRACTION,
];

/**
 * `count` short-term rows k = 1 … count: k shares of AAA bought 2024-01-02 and sold 2024-02-01
 * for k × 10.00 on a zero basis, so row k's proceeds and gain are k × 1,000 cents.
 */
export function numberedRows(count: number): GainRow[] {
  return Array.from({ length: count }, (_, i) => ({
    symbol: 'AAA',
    account: 'taxable',
    lotId: `L${i + 1}`,
    quantity: i + 1,
    acquired: '2024-01-02',
    disposed: '2024-02-01',
    proceedsCents: (i + 1) * 1000,
    costBasisCents: 0,
    adjustmentCode: '' as const,
    adjustmentCents: 0,
    gainCents: (i + 1) * 1000,
    term: 'short' as const,
    part: 'I' as const,
  }));
}
