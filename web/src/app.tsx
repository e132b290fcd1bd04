/**
 * The dashboard's shell: header (portfolio picker, theme switch), the page navigation, and the
 * page of the current path, each page its own chunk loaded on navigation. When the server
 * requires API keys and this browser has none (401), it asks for one.
 */
import { lazy, Suspense, useState, type ComponentType, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, ApiError } from './api/client.ts';
import { choosePortfolio, useCurrentPortfolio, usePortfolios } from './api/portfolios.ts';
import { ErrorBox } from './components/panel.tsx';
import { Link, useRoute } from './router.tsx';
import { toggleTheme, useTheme } from './theme.ts';

interface Page {
  readonly path: string;
  readonly title: string;
  readonly component: ComponentType<{ portfolio: string }>;
}

/** Each page's chunk, by path (imported once; `lazy` and the preload share the promise). */
const LOADERS: Record<string, () => Promise<{ default: ComponentType<{ portfolio: string }> }>> = {
  '/': () => import('./features/overview/overview-page.tsx'),
  '/holdings': () => import('./features/holdings/holdings-page.tsx'),
  '/tax': () => import('./features/tax/tax-page.tsx'),
  '/exposures': () => import('./features/exposures/exposures-page.tsx'),
  '/risk': () => import('./features/risk/risk-page.tsx'),
  '/optimize': () => import('./features/optimize/optimize-page.tsx'),
  '/backtest': () => import('./features/backtest/backtest-page.tsx'),
  '/simulate': () => import('./features/simulate/simulate-page.tsx'),
  '/location': () => import('./features/location/location-page.tsx'),
  '/transactions': () => import('./features/transactions/transactions-page.tsx'),
  '/data': () => import('./features/data/data-page.tsx'),
};

/** Pages that work without a portfolio (the store's data, backtests, simulations). */
const WITHOUT_PORTFOLIO = new Set(['/data', '/backtest', '/simulate', '/location']);

const page = (path: string, title: string): Page => ({
  path,
  title,
  component: lazy(LOADERS[path]!),
});

/** The pages, in navigation order. */
export const PAGES: readonly Page[] = [
  page('/', 'Overview'),
  page('/holdings', 'Holdings'),
  page('/tax', 'Tax'),
  page('/exposures', 'Exposures'),
  page('/risk', 'Risk'),
  page('/optimize', 'Optimize'),
  page('/backtest', 'Backtest'),
  page('/simulate', 'Simulate'),
  page('/location', 'Location'),
  page('/transactions', 'Transactions'),
  page('/data', 'Data'),
];

/** Starts loading the current page's chunk at once, in parallel with the first API calls. */
export function preloadCurrentPage(): void {
  void LOADERS[globalThis.location?.pathname ?? '']?.().catch(() => undefined);
}

function KeyPrompt() {
  const client = useQueryClient();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    apiKey.set(value);
    void client.invalidateQueries();
  };
  return (
    <form className="panel key-prompt" onSubmit={submit}>
      <h2>API key needed</h2>
      <p>
        This server requires an API key. Create one on the server with{' '}
        <code>ballast keys create --name browser --scope write</code> and paste it here (it is kept
        in this browser only).
      </p>
      <label htmlFor="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">Use this key</button>
    </form>
  );
}

function PortfolioPicker({ current }: { current: string | null }) {
  const list = usePortfolios();
  if (!list.data || list.data.length === 0) return null;
  return (
    <label className="picker">
      <span className="sr-only">Portfolio</span>
      <select value={current ?? ''} onChange={(e) => choosePortfolio(e.target.value)}>
        {list.data.map((p) => (
          <option key={p.id} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Content({ page, portfolio }: { page: Page | undefined; portfolio: string | null }) {
  const list = usePortfolios();
  if (list.isError) {
    if (list.error instanceof ApiError && list.error.status === 401) return <KeyPrompt />;
    return <ErrorBox error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (page === undefined) return <p className="panel">No page here. Choose one above.</p>;
  if (list.isPending && portfolio === null) return <div className="loading">Loading…</div>;
  if (portfolio === null && !WITHOUT_PORTFOLIO.has(page.path))
    return (
      <div className="panel">
        <h2>No portfolio yet</h2>
        <p>
          Create one with <code>ballast portfolio import NAME --csv ledger.csv</code>, or start the
          server with <code>ballast start</code> to load the demo.
        </p>
      </div>
    );
  const Component = page.component;
  return (
    <Suspense fallback={<div className="loading">Loading…</div>}>
      <Component portfolio={portfolio ?? ''} />
    </Suspense>
  );
}

/** The whole dashboard. */
export function App() {
  const { path, query } = useRoute();
  const portfolio = useCurrentPortfolio();
  const theme = useTheme();
  const page = PAGES.find((p) => p.path === path);
  const search = portfolio === null ? '' : `?p=${encodeURIComponent(portfolio)}`;
  const keep = query.get('p') === null ? '' : search;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="brand">Ballast</div>
        <PortfolioPicker current={portfolio} />
        <button
          type="button"
          className="theme"
          onClick={toggleTheme}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      <nav className="pages" aria-label="Pages">
        {PAGES.map((p) => (
          <Link
            key={p.path}
            href={`${p.path}${keep}`}
            aria-current={p.path === path ? 'page' : undefined}
          >
            {p.title}
          </Link>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        <h1>{page?.title ?? 'Not found'}</h1>
        <Content page={page} portfolio={portfolio} />
      </main>
    </>
  );
}
