import { useRef, useSyncExternalStore } from 'react';
import type { BoardStore } from '../state/BoardStore.ts';
import { useSession } from './SessionProvider.tsx';

/**
 * A value derived from the board (the session's frame-batched `BoardStore`),
 * recomputed at most once per store version (once per animation frame) and
 * kept as the same object, so no re-render, while `equal` says nothing in it
 * changed. `select` should be stable (module level or `useCallback`).
 */
export function useBoardSlice<T>(select: (store: BoardStore) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const { store } = useSession();
  const cache = useRef<{ store: BoardStore; version: number; select: (store: BoardStore) => T; value: T } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const c = cache.current;
    if (c && c.store === store && c.version === store.version && c.select === select) return c.value;
    const next = select(store);
    const value = c && c.store === store && equal(c.value, next) ? c.value : next;
    cache.current = { store, version: store.version, select, value };
    return value;
  });
}

/** Same items in the same order: the usual `equal` for lists picked out of the store. */
export const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
