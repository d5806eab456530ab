import { describe, expect, it } from 'vitest';
import type { StepId } from '../model/ids.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { planFixture } from './buildPlan.fixture.ts';
import { buildPlan } from './buildPlan.ts';
import { buildReviewView, checkRecordReview, followUpSeed, reviewDateReached } from './review.ts';

const at = (iso: string) => Date.parse(iso);

describe('reviewDateReached', () => {
  it('opens a review date as soon as it has begun anywhere (UTC+14)', () => {
    expect(reviewDateReached('2026-12-15', at('2026-12-14T09:59:00Z'))).toBe(false);
    expect(reviewDateReached('2026-12-15', at('2026-12-14T10:00:00Z'))).toBe(true);
    expect(reviewDateReached('2026-12-15', at('2027-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('checkRecordReview', () => {
  const f = planFixture();
  const step = f.steps.find((s) => s.id === 'step:demo') ?? null;
  const owner = { participantId: 'p_ana0001', role: 'participant' as const, name: 'Ana' };
  const good = { outcome: 'continue' as const, learned: 'Demos convert', metrics: ['Share of shortlists'] };
  const ctx = (over: Partial<Parameters<typeof checkRecordReview>[1]> = {}) => ({
    step,
    brief: f.brief,
    actor: owner,
    nowMs: at('2026-12-16T12:00:00Z'),
    ...over,
  });

  it('records the owner’s result with what was learned and the metrics it touches', () => {
    expect(checkRecordReview(good, ctx())).toEqual({
      ok: true,
      value: {
        outcome: 'continue',
        learned: 'Demos convert',
        metrics: ['Share of shortlists'],
        recordedBy: 'Ana',
        recordedAt: '2026-12-16T12:00:00.000Z',
      },
    });
  });

  it('records before the review date and for a step with none: the date is a reminder, not a lock', () => {
    const early = checkRecordReview(good, ctx({ nowMs: at('2026-12-01T00:00:00Z') }));
    expect(early).toMatchObject({ ok: true, value: { recordedAt: '2026-12-01T00:00:00.000Z' } });
    const noDate = step && { ...step, successCheck: { ...step.successCheck, reviewDate: null } };
    expect(checkRecordReview(good, ctx({ step: noDate })).ok).toBe(true);
  });

  it('lets only the owner or the facilitator record', () => {
    const other = { participantId: 'p_ben0001', role: 'participant' as const, name: 'Ben' };
    expect(checkRecordReview(good, ctx({ actor: other }))).toMatchObject({ status: 403, code: ErrorCode.forbidden });
    const facil = { participantId: 'p_facil01', role: 'facilitator' as const, name: 'Fran' };
    expect(checkRecordReview(good, ctx({ actor: facil })).ok).toBe(true);
  });

  it('accepts only the brief’s strategic metrics', () => {
    expect(checkRecordReview({ ...good, metrics: ['Blog posts published'] }, ctx())).toMatchObject({
      code: ErrorCode.invalidCommand,
      message: expect.stringContaining('Blog posts published'),
    });
  });
});

describe('buildReviewView', () => {
  it('groups results by initiative and shows which metrics the evidence touches', () => {
    const f = planFixture();
    const view = buildReviewView(buildPlan(f.brief, f.ideas, f.tallies, f.decisions, f.steps));
    expect(
      view.groups.map((g) => [
        g.initiative?.title ?? null,
        g.reviewed.map((r) => r.step.id),
        g.pending.map((r) => r.step.id),
        g.outcomes.revise,
      ]),
    ).toEqual([
      ['Governance story', ['step:script'], ['step:demo'], 1],
      ['Partner ecosystem', [], ['step:soc2'], 0],
    ]);
    expect(view.metrics.map((m) => [m.name, m.touchedBy])).toEqual([
      ['Enterprise trial-to-paid rate', 1],
      ['Share of shortlists', 0],
    ]);
  });
});

describe('followUpSeed', () => {
  it('carries the brief and open steps (not stopped ones) onto fresh ids', () => {
    const f = planFixture();
    const stopped = f.steps.map((s) =>
      s.id === 'step:demo'
        ? {
            ...s,
            review: { outcome: 'stop' as const, learned: 'no', metrics: [], recordedBy: 'Ana', recordedAt: 'x' },
          }
        : s,
    );
    const seed = followUpSeed(f.brief, f.ideas, f.decisions, stopped, {
      now: '2027-01-05T09:00:00.000Z',
      carriedBy: 'Fran',
    });
    expect(seed.brief).toEqual(f.brief);
    expect(seed.ideas.map((i) => i.text)).toEqual(['Publish the SOC 2 report on request', 'Audit-log demo for IT leads']);
    expect(seed.steps.map((s) => s.title).sort()).toEqual(['step:script', 'step:soc2']);
    const ids = new Set(seed.ideas.map((i) => i.id));
    for (const s of seed.steps) {
      expect(ids.has(s.ideaId)).toBe(true);
      expect(s.review).toBeNull();
      expect(f.steps.some((o) => o.id === (s.id as StepId))).toBe(false);
    }
    expect(seed.decisions.every((d) => d.verdict === 'keep' && ids.has(d.ideaId))).toBe(true);
  });
});
