/**
 * A small path router (history API): the dashboard has seven pages and no nested routes, so a
 * library would cost more bytes than it saves. `useRoute()` gives the current path and query;
 * `<Link>` navigates without a reload; the browser's back and forward buttons work.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((listener) => listener());
globalThis.addEventListener?.('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): string => `${location.pathname}${location.search}`;

/** Goes to `href` (same origin), adding a history entry unless `replace`. */
export function navigate(href: string, replace = false): void {
  if (href === snapshot()) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
  if (!replace) globalThis.scrollTo?.(0, 0);
}

/** The current path and query parameters; re-renders on navigation. */
export function useRoute(): { path: string; query: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(current, 'http://x');
  return { path: url.pathname, query: url.searchParams };
}

/** Sets (or with `null` removes) query parameters of the current page, replacing the entry. */
export function setQuery(values: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  navigate(`${url.pathname}${url.search}`, true);
}

/** An anchor that navigates in place (modifier clicks still open a new tab). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
