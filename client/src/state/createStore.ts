/**
 * A minimal observable value for `useSyncExternalStore`: local view state
 * (selection, camera, panels) that must never go into the Y.Doc.
 */
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const v = typeof next === 'function' ? (next as (prev: T) => T)(value) : next;
      if (Object.is(v, value)) return;
      value = v;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Shallow-merges a patch into an object store, notifying only when something changed. */
export function patchStore<T extends object>(store: Store<T>, patch: Partial<T>): void {
  store.set((prev) => {
    for (const k of Object.keys(patch) as (keyof T)[]) {
      if (!Object.is(prev[k], patch[k])) return { ...prev, ...patch };
    }
    return prev;
  });
}
