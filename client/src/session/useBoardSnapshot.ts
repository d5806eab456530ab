import type { Cluster, Idea } from '@throughline/shared';
import type { BoardStore } from '../state/BoardStore.ts';
import { useBoardSlice } from './useBoardSlice.ts';

/** The board as list panels read it: every note (canvas and AI lane) in creation order, and the clusters in the doc's order. */
export interface BoardSnapshot {
  ideas: readonly Idea[];
  clusters: readonly Cluster[];
}

// The store replaces `allIdeas` and `orderedClusters` exactly when they change, so identity says "changed".
const select = (store: BoardStore) => ({ ideas: store.allIdeas, ordered: store.orderedClusters, store });
const same = (a: ReturnType<typeof select>, b: ReturnType<typeof select>) => a.ideas === b.ideas && a.ordered === b.ordered;
const snapshots = new WeakMap<object, BoardSnapshot>();

/**
 * The board's ideas and clusters, live: re-renders at most once per
 * animation frame, and only when notes or clusters changed.
 */
export function useBoardSnapshot(): BoardSnapshot {
  const picked = useBoardSlice(select, same);
  let snap = snapshots.get(picked);
  if (!snap) {
    // Clusters in the doc's own order, as the panels listed them when they read the doc.
    snap = { ideas: picked.ideas, clusters: [...picked.store.clusters.values()] };
    snapshots.set(picked, snap);
  }
  return snap;
}
