import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** A whole doc (re-read after any update) or one shared type in it (re-read only when that type, or anything under it, changes). */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; any shared type will do here
export type DocSource = Y.Doc | Y.AbstractType<any>;

const isDoc = (s: DocSource): s is Y.Doc => 'clientID' in s;

function listen(source: DocSource, onChange: () => void): () => void {
  if (isDoc(source)) {
    source.on('update', onChange);
    return () => source.off('update', onChange);
  }
  source.observeDeep(onChange);
  return () => source.unobserveDeep(onChange);
}

/**
 * The one way a panel reads a Yjs doc: `read(source)` runs again only after
 * the source changed (or `read` itself changed), so React sees a stable
 * snapshot between updates. Pass a module-level function or a `useCallback`.
 * Observe the smallest source that holds the slice (the board doc's
 * `aiRequests` map, not the board doc) so note drags do not re-read it; the
 * board's notes and clusters are read through `useBoardSlice` instead.
 */
export function useDocSlice<S extends DocSource, T>(source: S, read: (source: S) => T): T {
  const cache = useRef<{ source: S | null; read: ((source: S) => T) | null; seen: number; changes: number; value: T | undefined }>({
    source: null,
    read: null,
    seen: -1,
    changes: 0,
    value: undefined,
  });
  const subscribe = useCallback(
    (notify: () => void) =>
      listen(source, () => {
        cache.current.changes++;
        notify();
      }),
    [source],
  );
  return useSyncExternalStore(subscribe, () => {
    const c = cache.current;
    if (c.source !== source || c.read !== read || c.seen !== c.changes) {
      c.source = source;
      c.read = read;
      c.seen = c.changes;
      c.value = read(source);
    }
    return c.value as T;
  });
}
