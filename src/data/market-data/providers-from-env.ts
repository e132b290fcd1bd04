import { BallastError } from '../../domain/errors.ts';
import type { FetchFn } from '../http/http-client.ts';
import { createAlphaVantageProvider } from '../providers/alpha-vantage.ts';
import { createFredProvider } from '../providers/fred.ts';
import { createPolygonProvider } from '../providers/polygon.ts';
import type { MarketDataProvider } from '../providers/provider.ts';
import { createStooqProvider } from '../providers/stooq.ts';
import { createTiingoProvider } from '../providers/tiingo.ts';
import { createYahooProvider } from '../providers/yahoo.ts';
import type { FallbackChains } from './service.ts';

/** Environment variables read (passed in, never read globally). */
export type ProviderEnv = Readonly<Record<string, string | undefined>>;

/**
 * Default price chain: Yahoo (unadjusted bars, dividends, splits), then the keyed providers
 * whose key is set (Tiingo, Polygon, Alpha Vantage), then Stooq last (its closes are already
 * adjusted and carry no dividends, so it is the source of last resort).
 */
export const DEFAULT_PRICE_CHAIN = [
  'yahoo',
  'tiingo',
  'polygon',
  'alpha-vantage',
  'stooq',
] as const;
/** Default series chain: FRED (API with `FRED_API_KEY`, else its key-less CSV download). */
export const DEFAULT_SERIES_CHAIN = ['fred'] as const;

/** `ALPHA_VANTAGE_DAILY_QUOTA` (a paid plan's calls a day), or the default when unset. */
function dailyQuota(value: string | undefined): { dailyQuota: number } | Record<string, never> {
  if (value === undefined || value.trim() === '') return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new BallastError(
      'INVALID_INPUT',
      `ALPHA_VANTAGE_DAILY_QUOTA: expected a positive integer (got ${JSON.stringify(value)})`,
      { field: 'ALPHA_VANTAGE_DAILY_QUOTA', value },
    );
  return { dailyQuota: n };
}

function build(
  name: string,
  env: ProviderEnv,
  fetch: FetchFn | undefined,
): MarketDataProvider | undefined {
  const http = fetch ? { fetch } : {};
  const key = (v: string): { apiKey: string } | Record<string, never> =>
    env[v] ? { apiKey: env[v] } : {};
  switch (name) {
    case 'yahoo':
      return createYahooProvider(http);
    case 'stooq':
      return createStooqProvider({ ...http, ...key('STOOQ_API_KEY') });
    case 'tiingo':
      return env['TIINGO_API_KEY']
        ? createTiingoProvider({ ...http, ...key('TIINGO_API_KEY') })
        : undefined;
    case 'polygon':
      return env['POLYGON_API_KEY']
        ? createPolygonProvider({ ...http, ...key('POLYGON_API_KEY') })
        : undefined;
    case 'alpha-vantage':
      return (env['ALPHA_VANTAGE_API_KEY'] ?? env['ALPHAVANTAGE_API_KEY'])
        ? createAlphaVantageProvider({
            ...http,
            ...key(env['ALPHA_VANTAGE_API_KEY'] ? 'ALPHA_VANTAGE_API_KEY' : 'ALPHAVANTAGE_API_KEY'),
            ...dailyQuota(env['ALPHA_VANTAGE_DAILY_QUOTA']),
          })
        : undefined;
    case 'fred':
      return createFredProvider({ ...http, ...key('FRED_API_KEY') });
    default:
      throw new BallastError(
        'INVALID_INPUT',
        `unknown provider "${name}" (known: ${[...DEFAULT_PRICE_CHAIN, ...DEFAULT_SERIES_CHAIN].join(', ')})`,
        {
          field: 'provider',
          value: name,
        },
      );
  }
}

function chain(
  spec: string | undefined,
  defaults: readonly string[],
  runtime: { env: ProviderEnv; fetch?: FetchFn | undefined },
): MarketDataProvider[] {
  const { env, fetch } = runtime;
  const names = spec
    ? spec
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
    : defaults;
  return names
    .map((n) => build(n, env, fetch))
    .filter((p): p is MarketDataProvider => p !== undefined);
}

/**
 * The fallback chains from the environment: `BALLAST_PRICE_PROVIDERS` and
 * `BALLAST_SERIES_PROVIDERS` (comma-separated names, in order) override the defaults; keyed
 * providers join only when their key is set (`TIINGO_API_KEY`, `POLYGON_API_KEY`,
 * `ALPHA_VANTAGE_API_KEY`, `FRED_API_KEY`, optional `STOOQ_API_KEY`).
 */
export function providersFromEnv(env: ProviderEnv, fetch?: FetchFn): FallbackChains {
  return {
    prices: chain(env['BALLAST_PRICE_PROVIDERS'], DEFAULT_PRICE_CHAIN, { env, fetch }),
    series: chain(env['BALLAST_SERIES_PROVIDERS'], DEFAULT_SERIES_CHAIN, { env, fetch }),
  };
}
