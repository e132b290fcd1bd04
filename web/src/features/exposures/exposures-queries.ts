/**
 * Query hooks of the Exposures page (the typed client; components never fetch), and the fund
 * definitions the analyses look through: the shipped `config/funds.yaml` or a set stored with
 * `ballast funds save`, chosen by `?funds=NAME` in the URL (the Risk page reads the same).
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type {
  ExposuresDocument,
  FundDefinition,
  FundUniverse,
  StoredFundsDocument,
  StoredFundsSummary,
  UniverseDocument,
} from '../../api/documents.ts';
import { setQuery, useRoute } from '../../router.tsx';

/** The stored fund-definition set the analyses use (`?funds=NAME`), or null for the shipped one. */
export function useFundsChoice(): string | null {
  const value = useRoute().query.get('funds');
  return value === null || value === '' ? null : value;
}

/** Uses the stored set `name` from now on (null: the shipped definitions). */
export function chooseFunds(name: string | null): void {
  setQuery({ funds: name });
}

/**
 * GET /api/v1/portfolios/{id}/exposures: value, cash, positions, economic exposures, leverage,
 * unexplained holdings. With the shipped definitions the key is the Overview's, so the two pages
 * share one request.
 */
export function useExposuresDocument(portfolio: string, fundsStored: string | null) {
  return useQuery({
    queryKey:
      fundsStored === null ? ['exposures', portfolio] : ['exposures', portfolio, { fundsStored }],
    queryFn: () =>
      unwrap<ExposuresDocument>(
        api.GET('/api/v1/portfolios/{id}/exposures', {
          params: {
            path: { id: portfolio },
            query: fundsStored === null ? {} : { fundsStored },
          },
        }),
      ),
  });
}

/** GET /api/v1/universe: the exposure universe (names of exposures, categories). */
export function useUniverse() {
  return useQuery({
    queryKey: ['universe'],
    queryFn: () => unwrap<UniverseDocument>(api.GET('/api/v1/universe')),
    staleTime: Infinity,
  });
}

/** GET /api/v1/funds/stored: the fund-definition sets stored with `ballast funds save`. */
export function useStoredFunds() {
  return useQuery({
    queryKey: ['funds', 'stored'],
    queryFn: () => unwrap<StoredFundsSummary[]>(api.GET('/api/v1/funds/stored')),
  });
}

/**
 * The fund definitions in use, by symbol: GET /api/v1/funds (shipped) or
 * GET /api/v1/funds/stored/{name}.
 */
export function useFundDefinitions(
  fundsStored: string | null,
): UseQueryResult<Readonly<Record<string, FundDefinition>>> {
  return useQuery({
    queryKey: ['funds', 'definitions', fundsStored],
    queryFn: async () => {
      if (fundsStored === null) return (await unwrap<FundUniverse>(api.GET('/api/v1/funds'))).funds;
      const set = await unwrap<StoredFundsDocument>(
        api.GET('/api/v1/funds/stored/{name}', { params: { path: { name: fundsStored } } }),
      );
      return set.definitions;
    },
    staleTime: 60_000,
  });
}

/**
 * Two queries as one for a `<Panel>`: pending while either is, failed when either failed (the
 * first error), data both results; retry refetches what failed.
 */
export function joinQueries<A, B>(
  a: UseQueryResult<A>,
  b: UseQueryResult<B>,
): UseQueryResult<readonly [A, B]> {
  const data =
    a.data !== undefined && b.data !== undefined ? ([a.data, b.data] as const) : undefined;
  const joined = {
    ...a,
    data,
    error: a.error ?? b.error,
    isError: a.isError || b.isError,
    isPending: !(a.isError || b.isError) && (a.isPending || b.isPending),
    isSuccess: a.isSuccess && b.isSuccess,
    refetch: async () => {
      await Promise.all([a.isError ? a.refetch() : null, b.isError ? b.refetch() : null]);
      return joined;
    },
  };
  // Panel reads only the state flags, error, data and refetch, which are joined above.
  return joined as unknown as UseQueryResult<readonly [A, B]>;
}
