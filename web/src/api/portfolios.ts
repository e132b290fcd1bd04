/**
 * Which stored portfolio the dashboard shows: `?p=NAME` in the URL, else the last one chosen
 * (localStorage), else the first the API lists. Every page's queries key on its name.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { PortfolioListDocument } from './documents.ts';
import { setQuery, useRoute } from '../router.tsx';

const STORAGE = 'ballast.portfolio';

/** Every stored portfolio (GET /api/v1/portfolios). */
export function usePortfolios() {
  return useQuery({
    queryKey: ['portfolios'],
    queryFn: () => unwrap<PortfolioListDocument>(api.GET('/api/v1/portfolios')),
  });
}

/** The portfolio the pages show, or null while none is known (see the module comment). */
export function useCurrentPortfolio(): string | null {
  const { query } = useRoute();
  const list = usePortfolios();
  const names = list.data?.map((p) => p.name) ?? [];
  const asked = query.get('p') ?? globalThis.localStorage?.getItem(STORAGE) ?? null;
  // A name in the URL is used at once (pages load in parallel with the list); a remembered one
  // only once the list confirms it still exists.
  if (query.get('p') !== null && list.data === undefined) return query.get('p');
  if (asked !== null && names.includes(asked)) return asked;
  return names[0] ?? null;
}

/** Shows `name` from now on (URL and localStorage). */
export function choosePortfolio(name: string): void {
  localStorage.setItem(STORAGE, name);
  setQuery({ p: name });
}
