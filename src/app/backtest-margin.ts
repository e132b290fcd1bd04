/**
 * The margin part of the `backtest` document (docs/backtest.md, "Margin and leverage modes"):
 * each strategy's leverage mode, its margin rule, every margin call (the account before it,
 * what was sold, its cost, the account after it), the same strategy run again without the rule
 * (labelled so), and one `MARGIN_CALL` warning per strategy that had calls, naming the date.
 * Money is rounded to cents, ratios and quantities to 12 significant digits.
 */

import type { StrategyResult } from '../domain/backtest/run-backtest.ts';
import type { LeverageMode } from '../domain/backtest/margin.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import type { BacktestStrategyConfig } from '../data/backtest/backtest-config.ts';
import { roundCents, roundFine } from './rounding.ts';

/** What labels the second run in the document and the warning. */
export const WITHOUT_MARGIN_LABEL = 'the same strategy run again without the margin rule';

/** One margin call in the document. */
export interface MarginCallDocument {
  readonly date: IsoDate;
  readonly equityBefore: number;
  readonly grossBefore: number;
  readonly ratioBefore: number;
  /** Positions sold (quantity < 0 and value < 0, as in `trades`). */
  readonly sold: readonly {
    readonly symbol: string;
    readonly quantity: number;
    readonly price: number;
    readonly value: number;
  }[];
  readonly cost: number;
  readonly equityAfter: number;
  readonly grossAfter: number;
  /** The initial ratio the call restored; null when everything was sold. */
  readonly ratioAfter: number | null;
}

/** The margin fields of a strategy's document. */
export interface StrategyMarginDocument {
  readonly leverageMode: LeverageMode;
  /** The rule, when the strategy has one (`initial` defaulted to the maintenance). */
  readonly margin: { readonly maintenance: number; readonly initial: number };
  readonly marginCalls: readonly MarginCallDocument[];
  /** The same strategy run again without the margin rule: "the loss it costs". */
  readonly withoutMargin: {
    readonly label: string;
    readonly finalValue: number;
    /** finalValue (without the rule) − this strategy's final value: > 0 the calls cost money. */
    readonly loss: number;
    readonly stopped?: { readonly date: IsoDate; readonly reason: string; readonly value: number };
  };
}

/** The leverage mode and, with a margin rule, the rule, its calls and the comparison. */
export function marginFields(
  config: BacktestStrategyConfig,
  result: StrategyResult,
): Partial<StrategyMarginDocument> {
  const { margin } = config;
  const calls = result.run.marginCalls;
  const without = result.withoutMargin;
  if (!margin || !calls || !without) return { leverageMode: config.leverageMode };
  const stop = without.stoppedWithoutMargin;
  return {
    leverageMode: config.leverageMode,
    margin,
    marginCalls: calls.map((c) => ({
      date: c.date,
      equityBefore: roundCents(c.equityBefore),
      grossBefore: roundCents(c.grossBefore),
      ratioBefore: roundFine(c.ratioBefore),
      sold: c.sold.map((s) => ({
        symbol: s.symbol,
        quantity: roundFine(s.quantity),
        price: roundFine(s.price),
        value: roundCents(s.value),
      })),
      cost: roundCents(c.cost),
      equityAfter: roundCents(c.equityAfter),
      grossAfter: roundCents(c.grossAfter),
      ratioAfter: c.ratioAfter === null ? null : roundFine(c.ratioAfter),
    })),
    withoutMargin: {
      label: WITHOUT_MARGIN_LABEL,
      finalValue: roundCents(without.finalValueWithoutMargin),
      loss: roundCents(without.loss),
      ...(stop
        ? { stopped: { date: stop.date, reason: stop.reason, value: roundCents(stop.value) } }
        : {}),
    },
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** One `MARGIN_CALL` per strategy with calls: the first date, how many, and what they cost. */
export function marginWarnings(
  named: readonly { readonly name: string; readonly result: StrategyResult }[],
): Warning[] {
  const out: Warning[] = [];
  for (const { name, result } of named) {
    const calls = result.run.marginCalls ?? [];
    const without = result.withoutMargin;
    if (calls.length === 0 || !without) continue;
    const first = calls[0]!;
    const sold = -first.sold.reduce((a, s) => a + s.value, 0);
    const more = calls.length > 1 ? `, and ${calls.length - 1} more (dates in details)` : '';
    const last = result.run.values.length - 1;
    out.push(
      warning(
        'MARGIN_CALL',
        `${name}: margin call on ${first.date}: equity / gross ${pct(first.ratioBefore)} below the maintenance, ${sold.toFixed(2)} sold${more}; it ends at ${result.run.values[last]!.toFixed(2)} against ${without.finalValueWithoutMargin.toFixed(2)} for ${WITHOUT_MARGIN_LABEL}`,
        {
          strategy: name,
          dates: calls.map((c) => c.date),
          finalValue: roundCents(result.run.values[last]!),
          finalValueWithoutMargin: roundCents(without.finalValueWithoutMargin),
          loss: roundCents(without.loss),
        },
      ),
    );
  }
  return out;
}
