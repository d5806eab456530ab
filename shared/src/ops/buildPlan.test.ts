import { describe, expect, it } from 'vitest';
import { planFixture } from './buildPlan.fixture.ts';
import { buildPlan } from './buildPlan.ts';

function plan(today?: string) {
  const f = planFixture();
  return buildPlan(f.brief, f.ideas, f.tallies, f.decisions, f.steps, { clusters: f.clusters, today });
}

describe('buildPlan', () => {
  it('reads top-down: objective → initiatives → kept ideas with rationale → steps', () => {
    const p = plan();
    expect(p.brief.objective).toBe('Win consideration among enterprise buyers who need governance');
    expect(p.initiatives.map((g) => [g.initiative?.title ?? null, g.ideas.map((i) => i.id)])).toEqual([
      ['Governance story', ['idea:audit', 'idea:soc2']],
      ['Partner ecosystem', []],
      [null, ['idea:meetup']],
    ]);
    const audit = p.initiatives[0]?.ideas[0];
    expect(audit?.decision.rationale).toBe('keep because');
    expect(audit?.clusterTitle).toBe('Proof');
    expect(audit?.tally?.votes).toBe(5);
    expect(audit?.steps.map((s) => s.id)).toEqual(['step:demo', 'step:script']);
  });

  it('keeps parked and dropped ideas on record but out of the plan, and counts undecided ones', () => {
    const p = plan();
    expect(p.dropped.map((i) => [i.id, i.decision.rationale])).toEqual([['idea:ads', 'No paid media before Q3']]);
    expect(p.dropped[0]?.steps).toEqual([]);
    expect(p.parked).toEqual([]);
    // idea:later is undecided; the AI idea still in its lane is not selectable, so it does not count.
    expect(p.undecided).toBe(1);
    expect(p.totals).toEqual({ keptIdeas: 3, steps: 3, tactics: 2, intentions: 1, reviewed: 1 });
  });

  it('highlights gaps: an initiative nothing serves, a kept idea with no step, a step that is an intention', () => {
    const p = plan();
    expect(p.gaps.map((g) => g.kind)).toEqual(['step-is-intention', 'initiative-without-idea', 'kept-idea-without-step']);
    const intention = p.gaps[0];
    expect(intention).toMatchObject({ stepId: 'step:soc2', missing: ['owner', 'due'] });
    expect(intention?.message).toContain('an owner and a due date');
  });

  it('resolves each step’s initiative from its own or its idea’s', () => {
    const p = plan();
    const steps = p.initiatives.flatMap((g) => g.ideas.flatMap((i) => i.steps));
    const by = Object.fromEntries(steps.map((s) => [s.id, s.effectiveInitiativeTitle]));
    expect(by).toEqual({
      'step:demo': 'Governance story',
      'step:script': 'Governance story',
      'step:soc2': 'Partner ecosystem',
    });
  });

  it('shows strategic metrics apart from steps, with the steps that feed them and the evidence rolled up', () => {
    const p = plan();
    expect(p.successMetrics).toEqual([
      {
        name: 'Enterprise trial-to-paid rate',
        target: '12%',
        fedBy: [{ stepId: 'step:demo', ideaId: 'idea:audit', title: 'step:demo', measure: 'Demo requests', target: '20' }],
        outcomes: { continue: 0, revise: 1, stop: 0 },
        awaitingReview: 1,
        evidence: [
          {
            stepId: 'step:script',
            stepTitle: 'step:script',
            ideaId: 'idea:audit',
            outcome: 'revise',
            learned: 'IT leads want exports, not dashboards',
            recordedAt: '2026-12-16T09:00:00.000Z',
          },
        ],
      },
      {
        name: 'Share of shortlists',
        target: '30%',
        fedBy: [],
        evidence: [],
        outcomes: { continue: 0, revise: 0, stop: 0 },
        awaitingReview: 0,
      },
    ]);
  });

  it('lists metrics no step feeds and steps that feed no metric', () => {
    const p = plan();
    expect(p.unfedMetrics).toEqual(['Share of shortlists']);
    expect(p.unlinkedSteps.map((s) => s.stepId).sort()).toEqual(['step:script', 'step:soc2']);
  });

  it('rolls a linked step’s review up under its metric even when the review names no metric', () => {
    const f = planFixture();
    const steps = f.steps.map((s) =>
      s.id === 'step:demo'
        ? {
            ...s,
            review: {
              outcome: 'continue' as const,
              learned: 'Demos book trials',
              metrics: [],
              recordedBy: 'Ana',
              recordedAt: '2026-12-20T09:00:00.000Z',
            },
          }
        : s,
    );
    const [trial] = buildPlan(f.brief, f.ideas, f.tallies, f.decisions, steps).successMetrics;
    expect(trial?.outcomes).toEqual({ continue: 1, revise: 1, stop: 0 });
    expect(trial?.awaitingReview).toBe(0);
    expect(trial?.evidence.map((e) => e.learned)).toEqual(['Demos book trials', 'IT leads want exports, not dashboards']);
  });

  it('treats a link to a metric the brief no longer has as no link', () => {
    const f = planFixture();
    const brief = { ...f.brief, successMetrics: [{ name: 'Share of shortlists', target: '30%' }] };
    const p = buildPlan(brief, f.ideas, f.tallies, f.decisions, f.steps);
    expect(p.unlinkedSteps.map((s) => s.stepId)).toContain('step:demo');
  });

  it('balances work types over the plan’s steps only', () => {
    expect(plan().balance.counts).toEqual({ tactical: 1, operational: 1, strategic: 1 });
  });

  it('flags reviews that are due only when told today’s date', () => {
    const due = (p: ReturnType<typeof plan>) =>
      p.initiatives.flatMap((g) => g.ideas.flatMap((i) => i.steps.filter((s) => s.reviewDue).map((s) => s.id)));
    expect(due(plan())).toEqual([]);
    expect(due(plan('2026-12-14'))).toEqual([]);
    // step:script is already reviewed, so only step:demo (and step:soc2) are due.
    expect(due(plan('2026-12-15'))).toEqual(['step:demo', 'step:soc2']);
  });

  it('is deterministic and JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(plan()))).toEqual(plan());
  });
});
