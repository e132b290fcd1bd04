/**
 * `useNarrow()`: whether the screen is phone-narrow (≤ 560 px), for charts whose axis labels
 * need less room there. Follows the window as it is resized.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 560px)';

function subscribe(listener: () => void): () => void {
  const media = globalThis.matchMedia?.(QUERY);
  media?.addEventListener('change', listener);
  return () => media?.removeEventListener('change', listener);
}

/** True on a phone-narrow screen (see the module comment). */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => globalThis.matchMedia?.(QUERY).matches ?? false,
    () => false,
  );
}
