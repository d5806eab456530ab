import { describe, expect, it } from 'vitest';
import { CastVoteCommand, DecideCommand, RecordReviewCommand, UpsertNextStepCommand } from './selectionCommands.ts';

describe('selection command schemas', () => {
  it('defaults a vote to one dot and rejects zero or fractional dots', () => {
    expect(CastVoteCommand.parse({ type: 'castVote', ideaId: 'idea:a' }).count).toBe(1);
    expect(CastVoteCommand.safeParse({ type: 'castVote', ideaId: 'idea:a', count: 0 }).success).toBe(false);
    expect(CastVoteCommand.safeParse({ type: 'castVote', ideaId: 'idea:a', count: 1.5 }).success).toBe(false);
    expect(CastVoteCommand.safeParse({ type: 'castVote', ideaId: 'not-an-idea' }).success).toBe(false);
  });

  it('requires a verdict (or null) and fills rationale and initiative', () => {
    expect(DecideCommand.parse({ type: 'decide', ideaId: 'idea:a', verdict: 'park' })).toMatchObject({
      rationale: '',
      initiativeId: null,
    });
    expect(DecideCommand.safeParse({ type: 'decide', ideaId: 'idea:a', verdict: 'maybe' }).success).toBe(false);
  });

  it('accepts only real calendar dates on steps', () => {
    const step = (due: string) => ({ type: 'upsertNextStep', step: { ideaId: 'idea:a', due } });
    expect(UpsertNextStepCommand.safeParse(step('2026-02-28')).success).toBe(true);
    expect(UpsertNextStepCommand.safeParse(step('2026-02-30')).success).toBe(false);
    expect(UpsertNextStepCommand.safeParse(step('28/02/2026')).success).toBe(false);
    const parsed = UpsertNextStepCommand.parse({ type: 'upsertNextStep', step: { ideaId: 'idea:a' } });
    expect(parsed.step).toMatchObject({
      ownerId: null,
      workType: 'tactical',
      successCheck: { measure: '', target: '', reviewDate: null },
    });
  });

  it('needs something learned in a review', () => {
    const r = { type: 'recordReview', stepId: 'step:1', outcome: 'stop', learned: '  ' };
    expect(RecordReviewCommand.safeParse(r).success).toBe(false);
  });
});
