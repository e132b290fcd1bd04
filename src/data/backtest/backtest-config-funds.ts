/**
 * The backtest config's fields for simulated funds and for dividends on unadjusted closes
 * (docs/backtest.md, "Simulated funds" and "Dividends"), spread into the config's schema by
 * backtest-config.ts:
 *
 * ```yaml
 * simulate:                     # funds simulated from their definitions before their first close
 *   UPRO: { expenseRatio: 0.0091, financingSpread: 0.004 }
 *   TMF: { expenseRatio: 0.0106, financingSpread: 0.004, exposures: { broad_ust: 3 } }
 * proxies: { us_large_equity: SPY, broad_ust: IEF }   # exposure id → a total-return column
 * funds: my-funds.yaml          # optional; or { stored: NAME }; default config/funds.yaml
 * unadjusted: true              # the closes are not dividend-adjusted …
 * dividends: dividends.csv      # … and these dividends (date,symbol,amount per share) are paid
 * strategies:
 *   - { name: x, weights: { A: 1 }, dividends: cash }   # or reinvest (the default)
 * ```
 */

import { isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { DEFINITION_NAME } from '../store/definition-store.ts';

const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toUpperCase());

/** How one fund is simulated: its costs and, optionally, exposures replacing its definition. */
export const simulateFundSchema = z.strictObject({
  /** Annual expense ratio, a decimal (0.0091 = 0.91 %). */
  expenseRatio: z.number().finite().min(0).lt(1),
  /** Annual spread over `cash.rate` paid on the borrowed exposure (total exposure − 1). */
  financingSpread: z.number().finite().min(0).lt(1),
  /** Exposure id → exposure per $1 of NAV; default: the fund's definition. */
  exposures: z.record(z.string().trim().min(1), z.number().finite()).optional(),
});

const textField = z.union([
  z.string().trim().min(1),
  z.strictObject({ text: z.string(), name: z.string().min(1).default('dividends') }),
]);

/** The fields this module adds to the config's schema. */
export const backtestFundsFields = {
  /** Fund definitions: a file (relative to the config), `{ stored: NAME }` or `{ text, name }`. */
  funds: z
    .union([
      z.string().trim().min(1),
      z.strictObject({
        stored: z.string().trim().regex(DEFINITION_NAME, 'not a stored definition name'),
      }),
      z.strictObject({ text: z.string(), name: z.string().min(1).default('funds') }),
    ])
    .optional(),
  /** Fund symbol → how to simulate it before its first close. */
  simulate: z.record(z.string(), simulateFundSchema).optional(),
  /** Exposure id → the symbol whose total-return closes stand for it. */
  proxies: z.record(z.string().trim().min(1), symbol).optional(),
  /** The closes are not dividend-adjusted: the `dividends` file is paid. */
  unadjusted: z.boolean().default(false),
  /** `date,symbol,amount` (per share, on the ex-date). */
  dividends: textField.optional(),
};

/** A strategy's dividend policy (with unadjusted closes; default reinvest). */
export const strategyDividendsField = z.enum(['cash', 'reinvest']).optional();

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/** What {@link checkBacktestFunds} reads of the parsed config. */
interface FundsPart {
  readonly symbols?: readonly string[] | undefined;
  readonly strategies: readonly {
    readonly dividends?: string | undefined;
    readonly exposures?: unknown;
  }[];
  readonly funds?: unknown;
  readonly simulate?: Readonly<Record<string, unknown>> | undefined;
  readonly proxies?: Readonly<Record<string, string>> | undefined;
  readonly unadjusted: boolean;
  readonly dividends?: unknown;
}

/** The cross-field rules of these fields (module comment; docs/backtest.md). */
export function checkBacktestFunds(c: FundsPart, ctx: { addIssue(issue: Issue): void }): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const simulated = new Map<string, string>();
  for (const key of Object.keys(c.simulate ?? {})) {
    const upper = key.trim().toUpperCase();
    if (upper === '') issue(['simulate', key], 'empty symbol');
    const before = simulated.get(upper);
    if (before !== undefined) issue(['simulate', key], `the same symbol as ${before}`);
    simulated.set(upper, key);
  }
  if (c.simulate !== undefined && c.proxies === undefined)
    issue(['proxies'], 'simulate needs proxies: exposure id → a symbol of the prices');
  if (c.simulate === undefined && c.proxies !== undefined)
    issue(['proxies'], 'proxies are used only to simulate funds (simulate)');
  const mapping = c.strategies.some((s) => s.exposures !== undefined);
  if (c.simulate === undefined && !mapping && c.funds !== undefined)
    issue(
      ['funds'],
      'fund definitions are read only to simulate funds (simulate) or map exposures',
    );
  for (const [id, proxy] of Object.entries(c.proxies ?? {}))
    if (simulated.has(proxy))
      issue(['proxies', id], `${proxy} is simulated itself; a proxy must have real closes`);
  if (c.simulate !== undefined && c.unadjusted)
    issue(['simulate'], 'simulated funds need total-return closes (not unadjusted: true)');
  if (c.unadjusted && c.symbols !== undefined)
    issue(
      ['unadjusted'],
      'unadjusted closes come from a prices file; stored symbols are total-return closes',
    );
  if (c.unadjusted && c.dividends === undefined)
    issue(['dividends'], 'unadjusted closes need the dividends file (date,symbol,amount)');
  if (!c.unadjusted && c.dividends !== undefined)
    issue(
      ['dividends'],
      'dividends are paid only with unadjusted: true (adjusted closes already hold them)',
    );
  c.strategies.forEach((s, i) => {
    if (s.dividends !== undefined && !c.unadjusted)
      issue(
        ['strategies', i, 'dividends'],
        'a dividend policy needs unadjusted: true and a dividends file',
      );
  });
}

/** One simulated fund of the validated config. */
export interface SimulateFundConfig {
  /** The key as written (for error paths). */
  readonly key: string;
  readonly expenseRatio: number;
  readonly financingSpread: number;
  readonly exposures?: Readonly<Record<string, number>>;
}

/** A file given as a path (resolved) or as text. */
export type ConfigFile =
  { readonly path: string } | { readonly text: string; readonly name: string };

/** The validated fields (module comment). */
export interface BacktestFundsConfig {
  readonly funds?: ConfigFile | { readonly stored: string };
  /** Upper-cased symbol → how it is simulated, in the order written. */
  readonly simulate?: ReadonlyMap<string, SimulateFundConfig>;
  /** Exposure id → proxy symbol (upper-cased). */
  readonly proxies?: ReadonlyMap<string, string>;
  readonly unadjusted: boolean;
  readonly dividends?: ConfigFile;
}

function fileOf(f: string | { text: string; name: string }, baseDir: string): ConfigFile {
  if (typeof f !== 'string') return { text: f.text, name: f.name };
  return { path: isAbsolute(f) ? f : resolve(baseDir, f) };
}

/** The validated fields of a schema-checked config; paths resolve against `baseDir`. */
export function backtestFundsConfigOf(
  parsed: {
    readonly funds?: string | { stored: string } | { text: string; name: string } | undefined;
    readonly simulate?: Readonly<Record<string, z.output<typeof simulateFundSchema>>> | undefined;
    readonly proxies?: Readonly<Record<string, string>> | undefined;
    readonly unadjusted: boolean;
    readonly dividends?: string | { text: string; name: string } | undefined;
  },
  baseDir: string,
): BacktestFundsConfig {
  const { funds, simulate, proxies, dividends } = parsed;
  return {
    ...(funds === undefined
      ? {}
      : { funds: typeof funds !== 'string' && 'stored' in funds ? funds : fileOf(funds, baseDir) }),
    ...(simulate === undefined
      ? {}
      : {
          simulate: new Map(
            Object.entries(simulate).map(([key, s]) => [
              key.trim().toUpperCase(),
              { key, ...s } as SimulateFundConfig,
            ]),
          ),
        }),
    ...(proxies === undefined ? {} : { proxies: new Map(Object.entries(proxies)) }),
    unadjusted: parsed.unadjusted,
    ...(dividends === undefined ? {} : { dividends: fileOf(dividends, baseDir) }),
  };
}
