import { useSyncExternalStore } from 'react';
import type { Store } from './createStore.ts';

/** Subscribes to a store; the selector must return a stable value for unchanged state. */
export function useStoreValue<T, S = T>(store: Store<T>, selector: (v: T) => S = (v) => v as unknown as S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}

/** Re-renders when a versioned store (BoardStore, PresenceStore) changes; returns its version. */
export function useVersion(store: { subscribe(l: () => void): () => void; getVersion(): number }): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
