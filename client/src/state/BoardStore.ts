import { type Cluster, clustersMap, type Idea, ideasMap, readClusters, readIdeas, restoreCluster, restoreIdea } from '@throughline/shared';
import * as Y from 'yjs';
import { byCreation } from '../board/geometry.ts';
import { coalesce, frameScheduler, type Schedule } from './frameScheduler.ts';

/**
 * A read model of the board doc for rendering. Y events only mark ids dirty;
 * the dirty notes are re-read once per animation frame, and unchanged notes
 * keep their object identity so memoised components skip them. `version`
 * changes exactly when something visible did.
 */
export class BoardStore {
  /** Every note, including AI-lane ones, by id. */
  readonly ideas = new Map<string, Idea>();
  readonly clusters = new Map<string, Cluster>();
  /** Canvas-lane notes in paint order (bottom to top). */
  canvasIdeas: readonly Idea[] = [];
  /** All notes in creation order (list view, AI lane). */
  allIdeas: readonly Idea[] = [];
  orderedClusters: readonly Cluster[] = [];
  private _version = 0;
  private readonly dirtyIdeas = new Set<string>();
  private readonly dirtyClusters = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly flushSoon: { request(): void; cancel(): void };

  constructor(
    private readonly doc: Y.Doc,
    schedule: Schedule = frameScheduler(),
  ) {
    for (const i of readIdeas(doc)) this.ideas.set(i.id, i);
    for (const c of readClusters(doc)) this.clusters.set(c.id, c);
    this.rebuildIdeaOrder();
    this.rebuildClusterOrder();
    this.flushSoon = coalesce(schedule, () => this.flush());
    ideasMap(doc).observeDeep(this.onIdeas);
    clustersMap(doc).observeDeep(this.onClusters);
  }

  get version() {
    return this._version;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = () => this._version;

  /** Applies pending changes now (tests, and before reading right after a local action). */
  flush(): void {
    if (this.dirtyIdeas.size === 0 && this.dirtyClusters.size === 0) return;
    if (this.dirtyIdeas.size > 0) this.applyIdeas();
    if (this.dirtyClusters.size > 0) this.applyClusters();
    this._version++;
    for (const l of [...this.listeners]) l();
  }

  destroy(): void {
    this.flushSoon.cancel();
    ideasMap(this.doc).unobserveDeep(this.onIdeas);
    clustersMap(this.doc).unobserveDeep(this.onClusters);
    this.listeners.clear();
  }

  private onIdeas = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    collectIds(events, this.dirtyIdeas);
    this.flushSoon.request();
  };

  private onClusters = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    collectIds(events, this.dirtyClusters);
    this.flushSoon.request();
  };

  private applyIdeas() {
    const map = ideasMap(this.doc);
    let structural = false;
    for (const id of this.dirtyIdeas) {
      const m = map.get(id);
      const prev = this.ideas.get(id);
      if (m instanceof Y.Map) {
        const next = restoreIdea(id, m);
        this.ideas.set(id, next);
        if (!prev || prev.lane !== next.lane || prev.createdAt !== next.createdAt) structural = true;
      } else if (prev) {
        this.ideas.delete(id);
        structural = true;
      }
    }
    const dirty = this.dirtyIdeas;
    if (structural) this.rebuildIdeaOrder();
    else {
      const swap = (i: Idea) => (dirty.has(i.id) ? (this.ideas.get(i.id) ?? i) : i);
      this.canvasIdeas = this.canvasIdeas.map(swap);
      this.allIdeas = this.allIdeas.map(swap);
    }
    dirty.clear();
  }

  private applyClusters() {
    const map = clustersMap(this.doc);
    for (const id of this.dirtyClusters) {
      const m = map.get(id);
      if (m instanceof Y.Map) this.clusters.set(id, restoreCluster(id, m));
      else this.clusters.delete(id);
    }
    this.dirtyClusters.clear();
    this.rebuildClusterOrder();
  }

  private rebuildIdeaOrder() {
    this.allIdeas = [...this.ideas.values()].sort(byCreation);
    this.canvasIdeas = this.allIdeas.filter((i) => i.lane === 'canvas');
  }

  private rebuildClusterOrder() {
    // Bigger frames first, so a frame nested inside another paints (and hit-tests) above it.
    this.orderedClusters = [...this.clusters.values()].sort((a, b) => b.width * b.height - a.width * a.height || (a.id < b.id ? -1 : 1));
  }
}

/** The top-level keys touched by a deep observer batch: added/removed entries and edited nested maps. */
function collectIds(events: Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>) {
  for (const e of events) {
    if (e.path.length === 0) {
      for (const k of (e as Y.YMapEvent<unknown>).keysChanged) into.add(k);
    } else {
      const key = e.path[0];
      if (typeof key === 'string') into.add(key);
    }
  }
}
