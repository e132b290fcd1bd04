/** Entry point: theme, query cache and the app, mounted on `#root`. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client.ts';
import { App, preloadCurrentPage } from './app.tsx';
import { applyTheme } from './theme.ts';
import './styles.css';

preloadCurrentPage();
applyTheme();
globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

const client = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx is an answer (bad input, missing data, no key): asking again changes nothing.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
