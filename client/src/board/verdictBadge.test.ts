import type { Decision } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { decisionsByIdea, VERDICT_BADGE, verdictTitle } from './verdictBadge.ts';

const decision = (over: Partial<Decision>): Decision =>
  ({
    ideaId: 'idea:1',
    verdict: 'keep',
    rationale: 'Proof at shortlist time',
    initiativeId: null,
    servesCriteria: [],
    override: false,
    overrideReason: '',
    decidedBy: 'p',
    decidedByName: 'Fay',
    ...over,
  }) as Decision;

describe('verdict badges', () => {
  it('name the verdict, then the rationale and any override reason', () => {
    expect(verdictTitle(decision({}))).toBe('✓ Kept — Proof at shortlist time');
    expect(verdictTitle(decision({ override: true, overrideReason: 'Studio booked' }))).toBe(
      '✓ Kept — Proof at shortlist time · Kept against the votes: Studio booked',
    );
    expect(verdictTitle(decision({ verdict: 'park', rationale: '' }))).toBe(VERDICT_BADGE.park.label);
  });

  it('are looked up by idea id', () => {
    const byIdea = decisionsByIdea([decision({}), decision({ ideaId: 'idea:2' as Decision['ideaId'], verdict: 'drop' })]);
    expect(byIdea.get('idea:2')?.verdict).toBe('drop');
    expect(byIdea.get('idea:3')).toBeUndefined();
  });
});
