import type { Cluster, Idea } from '@throughline/shared';
import { sameItems } from '../../session/useBoardSlice.ts';
import type { BoardStore } from '../../state/BoardStore.ts';

/** What the AI panel shows of the board. Someone dragging a canvas note changes none of it. */
export interface AiBoardView {
  /** Notes waiting in the AI lane, in creation order. */
  lane: readonly Idea[];
  /** Notes offered to riff on: the selected canvas note, then the most recent ones with text. */
  notes: readonly Idea[];
  /** Clusters in the doc's order. */
  clusters: readonly Cluster[];
}

const RECENT_NOTES = 30;

export function selectAiBoardView(store: BoardStore, selectedId: string | null): AiBoardView {
  const all = store.allIdeas;
  const lane = all.filter((i) => i.lane === 'ai');
  // The most recently created canvas notes with text, oldest first: walk back from the newest.
  const recent: Idea[] = [];
  for (let k = all.length - 1; k >= 0 && recent.length < RECENT_NOTES; k--) {
    const i = all[k] as Idea;
    if (i.lane === 'canvas' && i.text.trim() !== '') recent.push(i);
  }
  recent.reverse();
  const picked = selectedId ? store.ideas.get(selectedId) : undefined;
  // The selected note is always offered, even when it is not among the most recent.
  const notes = picked && picked.lane === 'canvas' && picked.text.trim() !== '' && !recent.includes(picked) ? [picked, ...recent] : recent;
  return { lane, notes, clusters: [...store.clusters.values()] };
}

export const sameAiBoardView = (a: AiBoardView, b: AiBoardView) =>
  sameItems(a.lane, b.lane) && sameItems(a.notes, b.notes) && sameItems(a.clusters, b.clusters);
