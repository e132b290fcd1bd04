/**
 * Light and dark themes: the user's choice (localStorage `ballast.theme`), else the system's
 * `prefers-color-scheme`. The theme is the `data-theme` attribute of `<html>`, which the CSS
 * variables in styles.css follow; charts read it through {@link useTheme}.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

const STORAGE = 'ballast.theme';
const listeners = new Set<() => void>();

function system(): Theme {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme in force. */
export function currentTheme(): Theme {
  const chosen = globalThis.localStorage?.getItem(STORAGE);
  return chosen === 'dark' || chosen === 'light' ? chosen : system();
}

/** Applies the theme in force to `<html>` (call once at start-up). */
export function applyTheme(): void {
  document.documentElement.dataset['theme'] = currentTheme();
  listeners.forEach((listener) => listener());
}

/** Switches between light and dark and remembers the choice. */
export function toggleTheme(): void {
  localStorage.setItem(STORAGE, currentTheme() === 'dark' ? 'light' : 'dark');
  applyTheme();
}

/** The theme in force; re-renders when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentTheme,
    () => 'light',
  );
}
