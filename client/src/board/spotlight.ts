import type { Spotlight } from '@throughline/shared';

/**
 * What a spotlight leaves lit: the idea itself, or a cluster with the notes
 * in it. Everything else dims for everyone until the facilitator clears it.
 */
export function noteLit(spot: Spotlight | null, note: { id: string; clusterId: string | null }): boolean {
  if (!spot) return true;
  return spot.kind === 'idea' ? note.id === spot.target : note.clusterId === spot.target;
}

export const clusterLit = (spot: Spotlight | null, clusterId: string): boolean =>
  !spot || (spot.kind === 'cluster' && spot.target === clusterId);
