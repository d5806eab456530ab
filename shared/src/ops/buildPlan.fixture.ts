import type { Brief } from '../model/brief.ts';
import { type Cluster, type Idea, personIdea } from '../model/idea.ts';
import type { ClusterId, CriterionId, IdeaId, InitiativeId, ParticipantId, StepId } from '../model/ids.ts';
import type { NextStep } from '../model/nextStep.ts';
import type { Decision, Tally } from '../model/selection.ts';

/**
 * A small, complete session for tests of the plan and its views: two
 * initiatives (one served, one not), kept / parked / dropped ideas, an
 * undecided idea, an AI idea still in the AI lane, a tactic, an intention
 * and a reviewed step. Fresh objects on every call.
 */
export function planFixture() {
  const gov = 'init:gov' as InitiativeId;
  const eco = 'init:eco' as InitiativeId;
  const brief: Brief = {
    title: 'Enterprise governance',
    objective: 'Win consideration among enterprise buyers who need governance',
    audience: 'IT leads at 500+ person companies',
    constraints: ['No paid media before Q3'],
    decisionRule: {
      rule: 'Prefer ideas that move enterprise consideration this quarter at low cost',
      criteria: [
        { id: 'crit:fit' as CriterionId, name: 'Strategic fit', description: '', weight: 3 },
        { id: 'crit:cost' as CriterionId, name: 'Cost to test', description: '', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Enterprise trial-to-paid rate', target: '12%' },
      { name: 'Share of shortlists', target: '30%' },
    ],
    horizon: 'H1 2027',
    initiatives: [
      { id: gov, title: 'Governance story', description: '' },
      { id: eco, title: 'Partner ecosystem', description: '' },
    ],
  };
  const note = (id: string, text: string, over: Partial<Idea> = {}): Idea => ({
    ...personIdea({ id: id as IdeaId, text, x: 0, y: 0, author: { id: 'p_ana0001', name: 'Ana' }, createdAt: 1 }),
    ...over,
  });
  const clusters: Cluster[] = [
    {
      id: 'cluster:proof' as ClusterId,
      title: 'Proof',
      x: 0,
      y: 0,
      width: 400,
      height: 300,
      color: '#f1f3f5',
      createdBy: 'p_ana0001',
    },
  ];
  const ideas: Idea[] = [
    note('idea:audit', 'Audit-log demo for IT leads', { clusterId: 'cluster:proof' as ClusterId }),
    note('idea:soc2', 'Publish the SOC 2 report on request', { origin: 'ai', adoptedBy: 'p_ana0001' }),
    note('idea:ads', 'Paid search on governance keywords'),
    note('idea:meetup', 'Host a CIO meetup'),
    note('idea:later', 'Undecided idea'),
    note('idea:lane', 'AI idea nobody adopted', { origin: 'ai', lane: 'ai' }),
  ];
  const decision = (ideaId: string, verdict: Decision['verdict'], at: string, over: Partial<Decision> = {}) =>
    ({
      ideaId: ideaId as IdeaId,
      verdict,
      rationale: `${verdict} because`,
      initiativeId: null,
      servesCriteria: [],
      override: false,
      overrideReason: '',
      decidedBy: 'p_facil01' as ParticipantId,
      decidedByName: 'Fran',
      decidedAt: at,
      ...over,
    }) satisfies Decision;
  const decisions: Decision[] = [
    decision('idea:soc2', 'keep', '2026-11-22T10:02:00.000Z', { initiativeId: gov }),
    decision('idea:audit', 'keep', '2026-11-22T10:01:00.000Z', { initiativeId: gov }),
    decision('idea:meetup', 'keep', '2026-11-22T10:03:00.000Z'),
    decision('idea:ads', 'drop', '2026-11-22T10:04:00.000Z', { rationale: 'No paid media before Q3' }),
  ];
  const tallies: Tally[] = [{ ideaId: 'idea:audit' as IdeaId, votes: 5, voters: 3, criterionMeans: { 'crit:fit': 4 }, weightedScore: 4 }];
  const step = (id: string, ideaId: string, over: Partial<NextStep> = {}): NextStep => ({
    id: id as StepId,
    ideaId: ideaId as IdeaId,
    title: id,
    ownerId: 'p_ana0001',
    ownerName: 'Ana',
    due: '2026-12-01',
    outputs: [{ kind: 'asset', description: 'Demo script' }],
    successCheck: { measure: 'Demo requests', target: '20', reviewDate: '2026-12-15', metric: null },
    workType: 'tactical',
    initiativeId: null,
    review: null,
    updatedAt: '2026-11-22T11:00:00.000Z',
    ...over,
  });
  const steps: NextStep[] = [
    step('step:demo', 'idea:audit', {
      successCheck: { measure: 'Demo requests', target: '20', reviewDate: '2026-12-15', metric: 'Enterprise trial-to-paid rate' },
    }),
    step('step:script', 'idea:audit', {
      updatedAt: '2026-11-22T11:05:00.000Z',
      workType: 'operational',
      review: {
        outcome: 'revise',
        learned: 'IT leads want exports, not dashboards',
        metrics: ['Enterprise trial-to-paid rate'],
        recordedBy: 'Ana',
        recordedAt: '2026-12-16T09:00:00.000Z',
      },
    }),
    step('step:soc2', 'idea:soc2', {
      ownerName: '',
      ownerId: null,
      due: null,
      workType: 'strategic',
      initiativeId: eco,
    }),
    // A step left behind on an idea that is no longer kept: not part of the plan.
    step('step:orphan', 'idea:ads'),
  ];
  return { brief, ideas, clusters, decisions, tallies, steps };
}
