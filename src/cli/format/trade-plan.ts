import { centsToDollars } from '../../domain/ledger/money.ts';
import type { TradePlan } from '../../domain/trades/types.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity, roundCents } from './numbers.ts';
import { renderTable } from './table.ts';

/** A trade plan as JSON: money in dollars, every field of the plan kept. */
export function tradePlanJson(plan: TradePlan): Record<string, unknown> {
  const d = (c: number): number => roundCents(centsToDollars(c));
  return {
    tradeDate: plan.tradeDate,
    lotMethod: plan.lotMethod,
    totalValue: d(plan.totalValueCents),
    cashBefore: d(plan.cashBeforeCents),
    cashAfter: d(plan.cashAfterCents),
    cashAfterByAccount: Object.fromEntries(
      Object.entries(plan.cashAfterByAccount).map(([a, c]) => [a, d(c)]),
    ),
    trades: plan.trades.map((t) => ({
      side: t.side,
      symbol: t.symbol,
      account: t.account,
      quantity: t.quantity,
      price: t.price,
      priceSource: t.priceSource,
      gross: d(t.grossCents),
      cost: d(t.costCents),
      realizedShortTerm: d(t.realizedShortTermCents),
      realizedLongTerm: d(t.realizedLongTermCents),
      lots: t.lots.map((l) => ({
        lotId: l.lotId,
        acquired: l.acquired,
        quantity: l.quantity,
        gain: d(l.gainCents),
        term: l.term,
      })),
    })),
    skipped: plan.skipped,
    positions: plan.positions,
    cash: plan.cash,
    totals: {
      buys: d(plan.totals.buysCents),
      sells: d(plan.totals.sellsCents),
      costs: d(plan.totals.costsCents),
      realizedShortTerm: d(plan.totals.realizedShortTermCents),
      realizedLongTerm: d(plan.totals.realizedLongTermCents),
    },
    warnings: plan.warnings,
  };
}

/** A trade plan as tables for people. */
export function tradePlanTable(plan: TradePlan): string {
  const $ = (c: number): string => fmtMoney(centsToDollars(c));
  return [
    `Trades for ${plan.tradeDate} (total value ${$(plan.totalValueCents)}, lot relief ${plan.lotMethod.toUpperCase()}; sells first)`,
    plan.trades.length === 0
      ? '(no trades)'
      : renderTable(plan.trades, [
          { title: 'Side', value: (t) => t.side },
          { title: 'Symbol', value: (t) => t.symbol },
          { title: 'Account', value: (t) => t.account },
          { title: 'Quantity', value: (t) => fmtQuantity(t.quantity), align: 'right' },
          { title: 'Price', value: (t) => fmtPrice(t.price), align: 'right' },
          { title: 'Gross', value: (t) => $(t.grossCents), align: 'right' },
          { title: 'Cost', value: (t) => $(t.costCents), align: 'right' },
          { title: 'ST gain', value: (t) => $(t.realizedShortTermCents), align: 'right' },
          { title: 'LT gain', value: (t) => $(t.realizedLongTermCents), align: 'right' },
          { title: 'Priced', value: (t) => t.priceSource },
        ]),
    ...plan.skipped.map(
      (s) => `skipped ${s.side} ${fmtQuantity(s.quantity)} ${s.symbol}: ${s.reason}`,
    ),
    '',
    renderTable(plan.positions, [
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Now', value: (p) => fmtQuantity(p.currentQuantity), align: 'right' },
      { title: 'After', value: (p) => fmtQuantity(p.finalQuantity), align: 'right' },
      { title: 'Target', value: (p) => fmtPercent(p.targetWeight), align: 'right' },
      { title: 'Achieved', value: (p) => fmtPercent(p.achievedWeight), align: 'right' },
      { title: 'Drift', value: (p) => fmtPercent(p.drift), align: 'right' },
    ]),
    `Cash ${$(plan.cashBeforeCents)} → ${$(plan.cashAfterCents)} (target ${fmtPercent(plan.cash.targetWeight)}, achieved ${fmtPercent(plan.cash.achievedWeight)}); costs ${$(plan.totals.costsCents)}; estimated realised gains: short-term ${$(plan.totals.realizedShortTermCents)}, long-term ${$(plan.totals.realizedLongTermCents)}`,
    ...plan.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}
