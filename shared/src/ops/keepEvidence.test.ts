import { describe, expect, it } from 'vitest';
import type { IdeaId } from '../model/ids.ts';
import { keepEvidence, median } from './keepEvidence.ts';

const t = (id: string, votes: number, weightedScore: number | null) => ({
  ideaId: id as IdeaId,
  votes,
  voters: votes,
  criterionMeans: {},
  weightedScore,
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('keepEvidence', () => {
  it('reports votes, score and the median of scored ideas only', () => {
    const tallies = [t('a', 3, 4), t('b', 1, null), t('c', 0, 2)];
    expect(keepEvidence('a', tallies)).toEqual({ favoured: true, concern: null, votes: 3, score: 4, median: 3 });
    expect(keepEvidence('b', tallies)).toMatchObject({ favoured: true, votes: 1, score: null });
    expect(keepEvidence('c', tallies)).toMatchObject({ favoured: false, concern: 'Nobody voted for this idea.' });
  });

  it('does not favour an idea added after reveal (it has no tally)', () => {
    expect(keepEvidence('late', [t('a', 3, 4)])).toMatchObject({ favoured: false, votes: 0, score: null });
  });
});
