import { describe, expect, it } from 'vitest';
import { clusterLit, noteLit } from './spotlight.ts';

const note = (id: string, clusterId: string | null = null) => ({ id, clusterId });

describe('spotlight', () => {
  it('lights everything when there is none', () => {
    expect(noteLit(null, note('idea:a'))).toBe(true);
    expect(clusterLit(null, 'cluster:c')).toBe(true);
  });

  it('lights only the spotlit idea', () => {
    const spot = { target: 'idea:a', kind: 'idea', at: 0, by: 'p' } as const;
    expect(noteLit(spot, note('idea:a', 'cluster:c'))).toBe(true);
    expect(noteLit(spot, note('idea:b', 'cluster:c'))).toBe(false);
    expect(clusterLit(spot, 'cluster:c')).toBe(false);
  });

  it('lights a cluster with its notes', () => {
    const spot = { target: 'cluster:c', kind: 'cluster', at: 0, by: 'p' } as const;
    expect(noteLit(spot, note('idea:a', 'cluster:c'))).toBe(true);
    expect(noteLit(spot, note('idea:b'))).toBe(false);
    expect(clusterLit(spot, 'cluster:c')).toBe(true);
    expect(clusterLit(spot, 'cluster:d')).toBe(false);
  });
});
