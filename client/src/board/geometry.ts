import { type Cluster, type Idea, NOTE_SIZE } from '@throughline/shared';
import { containsPoint, containsRect, intersects, type Point, type Rect } from './viewport.ts';

/**
 * Board geometry of notes and clusters. A note's `x`/`y` is its top-left
 * corner; every note is NOTE_SIZE. A cluster's title strip is the top
 * CLUSTER_TITLE_HEIGHT of its frame: grabbing it moves the cluster, the rest
 * of the frame behaves like open canvas (marquee, double-click for a note).
 */
export const CLUSTER_TITLE_HEIGHT = 44;
/** Screen pixels of the resize grip at a cluster's bottom-right corner. */
export const RESIZE_GRIP_PX = 14;
/** Padding a new cluster leaves around the notes it is made from. */
export const CLUSTER_PADDING = 28;

export const noteRect = (n: Pick<Idea, 'x' | 'y'>): Rect => ({ x: n.x, y: n.y, ...NOTE_SIZE });
export const noteCenter = (n: Pick<Idea, 'x' | 'y'>): Point => ({
  x: n.x + NOTE_SIZE.width / 2,
  y: n.y + NOTE_SIZE.height / 2,
});
export const clusterRect = (c: Pick<Cluster, 'x' | 'y' | 'width' | 'height'>): Rect => ({
  x: c.x,
  y: c.y,
  width: c.width,
  height: c.height,
});

/** The topmost note under `p`; `ordered` is bottom-to-top paint order. */
export function topmostNoteAt(ordered: readonly Idea[], p: Point): Idea | null {
  for (let i = ordered.length - 1; i >= 0; i--) {
    const n = ordered[i] as Idea;
    if (p.x >= n.x && p.x <= n.x + NOTE_SIZE.width && p.y >= n.y && p.y <= n.y + NOTE_SIZE.height) return n;
  }
  return null;
}

export type ClusterPart = 'title' | 'body' | 'resize';

/** Which part of which cluster is under `p`; the grip is sized in screen pixels so it stays grabbable. */
export function clusterPartAt(ordered: readonly Cluster[], p: Point, scale: number): { cluster: Cluster; part: ClusterPart } | null {
  const grip = RESIZE_GRIP_PX / scale;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const c = ordered[i] as Cluster;
    const r = clusterRect(c);
    const right = c.x + c.width;
    const bottom = c.y + c.height;
    if (p.x >= right - grip && p.x <= right + grip / 2 && p.y >= bottom - grip && p.y <= bottom + grip / 2) {
      return { cluster: c, part: 'resize' };
    }
    if (!containsPoint(r, p)) continue;
    const titleHeight = Math.max(CLUSTER_TITLE_HEIGHT, 24 / scale);
    return { cluster: c, part: p.y <= c.y + titleHeight ? 'title' : 'body' };
  }
  return null;
}

/** Notes touched by a marquee: touching is enough, as in FigJam. */
export const notesInRect = (ideas: readonly Idea[], r: Rect) => ideas.filter((n) => intersects(noteRect(n), r));

/** Clusters a marquee wholly encloses (touching a big frame should not grab it). */
export const clustersInRect = (clusters: readonly Cluster[], r: Rect) => clusters.filter((c) => containsRect(r, clusterRect(c)));

/**
 * The cluster a note dropped at `center` belongs to: the smallest frame
 * containing the point, so a frame nested in a bigger one wins.
 */
export function clusterAt(clusters: readonly Cluster[], center: Point): Cluster | null {
  let best: Cluster | null = null;
  for (const c of clusters) {
    if (!containsPoint(clusterRect(c), center)) continue;
    if (!best || c.width * c.height < best.width * best.height) best = c;
  }
  return best;
}

/** Paint order: older notes below newer ones; ids break ties so every peer paints the same. */
export const byCreation = (a: { createdAt?: number; id: string }, b: { createdAt?: number; id: string }) =>
  (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
