import { describe, expect, it } from 'vitest';
import { type Idea, personIdea } from '../model/idea.ts';
import type { CriterionId, IdeaId, ParticipantId } from '../model/ids.ts';
import type { Score, Tally, Vote } from '../model/selection.ts';
import { computeTallies, rankIdeas, weightedScore } from './tallies.ts';

const criteria = [
  { id: 'crit:fit' as CriterionId, weight: 2 },
  { id: 'crit:cost' as CriterionId, weight: 1 },
  { id: 'crit:nil' as CriterionId, weight: 0 },
];
const vote = (p: string, i: string, count: number): Vote => ({
  participantId: p as ParticipantId,
  ideaId: i as IdeaId,
  count,
});
const score = (p: string, i: string, c: string, value: number): Score => ({
  participantId: p as ParticipantId,
  ideaId: i as IdeaId,
  criterionId: c as CriterionId,
  value,
});

describe('weightedScore', () => {
  it('is the weighted mean of the criteria someone scored', () => {
    // (5·2 + 2·1) / 3 = 4
    expect(weightedScore({ 'crit:fit': 5, 'crit:cost': 2 }, criteria)).toBe(4);
    // An unscored criterion is left out with its weight, not counted as 0.
    expect(weightedScore({ 'crit:cost': 2 }, criteria)).toBe(2);
    // Weight 0 never moves the score; with only weight-0 scores there is nothing to rank by.
    expect(weightedScore({ 'crit:fit': 3, 'crit:nil': 5 }, criteria)).toBe(3);
    expect(weightedScore({ 'crit:nil': 5 }, criteria)).toBeNull();
    expect(weightedScore({}, criteria)).toBeNull();
  });

  it('rounds to two decimals', () => {
    // (4·2 + 3·1) / 3 = 3.666…
    expect(weightedScore({ 'crit:fit': 4, 'crit:cost': 3 }, criteria)).toBe(3.67);
  });
});

describe('computeTallies', () => {
  it('totals dots and voters per idea and averages scores per criterion', () => {
    const tallies = computeTallies(
      ['idea:a', 'idea:b'] as IdeaId[],
      [vote('p_1', 'idea:a', 2), vote('p_2', 'idea:a', 1), vote('p_2', 'idea:gone', 3)],
      [score('p_1', 'idea:a', 'crit:fit', 5), score('p_2', 'idea:a', 'crit:fit', 4), score('p_1', 'idea:a', 'crit:removed', 1)],
      criteria,
    );
    expect(tallies).toEqual([
      { ideaId: 'idea:a', votes: 3, voters: 2, criterionMeans: { 'crit:fit': 4.5 }, weightedScore: 4.5 },
      { ideaId: 'idea:b', votes: 0, voters: 0, criterionMeans: {}, weightedScore: null },
    ]);
    expect(JSON.stringify(tallies)).not.toContain('p_1');
  });
});

const idea = (id: string, over: Partial<Idea> = {}): Idea => ({
  ...personIdea({ id: id as IdeaId, text: id, x: 0, y: 0, author: { id: 'p_1', name: 'A' }, createdAt: 0 }),
  ...over,
});
const tally = (id: string, votes: number, weightedScore: number | null): Tally => ({
  ideaId: id as IdeaId,
  votes,
  voters: votes,
  criterionMeans: {},
  weightedScore,
});

describe('rankIdeas', () => {
  const ideas = [
    idea('idea:a', { createdAt: 1, clusterId: 'cluster:x' as Idea['clusterId'] }),
    idea('idea:b', { createdAt: 2, origin: 'ai' }),
    idea('idea:c', { createdAt: 3 }),
    idea('idea:d', { createdAt: 4 }),
  ];
  const tallies = [tally('idea:a', 3, 2), tally('idea:b', 5, 4.5), tally('idea:c', 3, 4), tally('idea:d', 0, null)];

  it('ranks by votes with score as tie-break, and shares ranks on equal votes', () => {
    const r = rankIdeas(ideas, tallies, { by: 'votes' });
    expect(r.map((x) => [x.idea.id, x.rank])).toEqual([
      ['idea:b', 1],
      ['idea:c', 2],
      ['idea:a', 2],
      ['idea:d', 4],
    ]);
  });

  it('ranks by weighted score with unscored ideas last', () => {
    const r = rankIdeas(ideas, tallies, { by: 'score' });
    expect(r.map((x) => x.idea.id)).toEqual(['idea:b', 'idea:c', 'idea:a', 'idea:d']);
  });

  it('filters by cluster and origin, but never by origin while it is hidden', () => {
    expect(rankIdeas(ideas, tallies, { by: 'votes', clusterId: 'cluster:x' }).map((x) => x.idea.id)).toEqual(['idea:a']);
    expect(rankIdeas(ideas, tallies, { by: 'votes', clusterId: 'none' })).toHaveLength(3);
    expect(rankIdeas(ideas, tallies, { by: 'votes', origin: 'ai' }).map((x) => x.idea.id)).toEqual(['idea:b']);
    expect(rankIdeas(ideas, tallies, { by: 'votes', origin: 'ai', originHidden: true })).toHaveLength(4);
  });
});
