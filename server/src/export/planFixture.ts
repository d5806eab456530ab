import {
  type Brief,
  type Cluster,
  type CriterionId,
  type Decision,
  type Idea,
  type IdeaId,
  type InitiativeId,
  insertCluster,
  insertIdea,
  type NextStep,
  type ParticipantId,
  personIdea,
  type StepId,
  type StrategyCheck,
  type Tally,
  writeBrief,
  writeDecision,
  writeFinalisation,
  writePhase,
  writeStep,
  writeStrategyCheck,
  writeTally,
} from '@throughline/shared';
import * as Y from 'yjs';

/**
 * A fixture session for export tests: a realistic plan whose user text is
 * hostile to every format — quotes, commas, newlines, Markdown, HTML,
 * spreadsheet formulas, Unicode — plus the awkward cases (an intention, an
 * initiative nothing serves, a kept idea without steps, an AI idea, parked
 * and dropped ideas, an undecided idea, a recorded review). Ids and times are
 * fixed so golden files stay byte-for-byte stable.
 */
export const FIXTURE_SESSION_ID = 'ses_fixture000001';
export const FIXTURE_CREATED_AT = '2026-06-01T08:00:00.000Z';
/** The instant the golden exports are taken at. */
export const FIXTURE_NOW = new Date('2026-10-02T10:30:00.000Z');

const FAC = 'p_facil0001' as ParticipantId;
const crit = (s: string) => s as CriterionId;
const init = (s: string) => s as InitiativeId;
const ideaId = (s: string) => s as IdeaId;
const stepId = (s: string) => s as StepId;

export const fixtureBrief: Brief = {
  title: 'Q3 "Governance" push, <b>EMEA</b>',
  objective: 'Win consideration among enterprise buyers who need governance',
  audience: 'IT leads, CISOs & procurement (EMEA)',
  constraints: ['No paid social before 1 July', '=HYPERLINK("http://evil.example","click me")', 'Budget: €50k, max'],
  decisionRule: {
    rule: 'Fit with the *governance* story first, then cost',
    criteria: [
      { id: crit('crit:fit'), name: 'Fit', description: 'Serves the governance story', weight: 3 },
      { id: crit('crit:cost'), name: 'Cost', description: 'Lower is <em>better</em>', weight: 1 },
    ],
  },
  successMetrics: [
    { name: 'Enterprise pipeline share', target: '+15% by Q4' },
    { name: 'Win rate vs. "Acme"', target: '30%' },
  ],
  horizon: 'Q3–Q4 2026',
  initiatives: [
    {
      id: init('init:gov'),
      title: 'Governance story',
      description: 'Make <script>alert(1)</script> governance visible',
    },
    { id: init('init:partners'), title: 'Partner channel', description: '' },
    { id: init('init:events'), title: 'Community | events', description: 'Meetups, # hashtags' },
  ],
};

const idea = (id: string, text: string, extra: Partial<Idea> = {}): Idea => ({
  ...personIdea({
    id: ideaId(id),
    text,
    x: 0,
    y: 0,
    author: { id: 'p_ana000001', name: 'Ana Ávila' },
    createdAt: Date.parse('2026-06-01T09:00:00.000Z'),
  }),
  ...extra,
});

export const fixtureClusters: Cluster[] = [
  {
    id: 'cluster:c1' as Cluster['id'],
    title: 'Content & "proof"',
    x: 0,
    y: 0,
    width: 400,
    height: 300,
    color: '#f1f3f5',
    createdBy: FAC,
  },
];

export const fixtureIdeas: Idea[] = [
  idea('idea:webinar', 'Webinar series:\n"Audit-ready in 30 days"', { clusterId: fixtureClusters[0]?.id ?? null }),
  idea('idea:checklist', 'Governance checklist template | with [links](http://x.example)', {
    origin: 'ai',
    authorId: 'ai',
    authorName: 'Throughline AI',
    adoptedBy: 'Ana Ávila',
    provenance: {
      generator: 'offline',
      model: 'offline-v1',
      lens: 'SCAMPER: adapt',
      promptVersion: 'p1',
      requestId: 'req1',
      requestedBy: 'p_ana000001',
      seed: 7,
    },
  }),
  idea('idea:partner', 'Co-sell with SI partners'),
  idea('idea:billboard', 'Billboard at\r\nthe airport'),
  idea('idea:tiktok', 'TikTok dance <img src=x onerror=alert(1)>'),
  idea('idea:newsletter', 'Newsletter'),
];

const decision = (
  id: string,
  verdict: Decision['verdict'],
  rationale: string,
  at: string,
  initiative: string | null,
  rule: Partial<Pick<Decision, 'servesCriteria' | 'override' | 'overrideReason'>> = {},
) => ({
  ideaId: ideaId(id),
  verdict,
  rationale,
  initiativeId: initiative ? init(initiative) : null,
  servesCriteria: rule.servesCriteria ?? [],
  override: rule.override ?? false,
  overrideReason: rule.overrideReason ?? '',
  decidedBy: FAC,
  decidedByName: 'Fran Facilitator',
  decidedAt: at,
});

export const fixtureDecisions: Decision[] = [
  decision(
    'idea:webinar',
    'keep',
    'Supports the governance choice; buyers asked for *proof*, not promises',
    '2026-06-10T10:00:00.000Z',
    'init:gov',
    { servesCriteria: [crit('crit:fit'), crit('crit:cost')] },
  ),
  decision('idea:checklist', 'keep', '@here it costs little,\nproves the point', '2026-06-10T10:05:00.000Z', null),
  decision('idea:partner', 'keep', 'Partners own the buyer relationship', '2026-06-10T10:10:00.000Z', 'init:partners', {
    servesCriteria: [crit('crit:fit')],
    override: true,
    overrideReason: 'Two SI partners asked for it | before the vote',
  }),
  decision('idea:billboard', 'drop', 'Awareness, not consideration — does not serve the objective', '2026-06-10T10:15:00.000Z', null),
  decision('idea:tiktok', 'park', '', '2026-06-10T10:20:00.000Z', null),
];

export const fixtureTallies: Tally[] = [
  {
    ideaId: ideaId('idea:webinar'),
    votes: 7,
    voters: 4,
    criterionMeans: { 'crit:fit': 4.5, 'crit:cost': 3 },
    weightedScore: 4.125,
  },
  { ideaId: ideaId('idea:checklist'), votes: 3, voters: 2, criterionMeans: { 'crit:fit': 4 }, weightedScore: 4 },
  { ideaId: ideaId('idea:billboard'), votes: 1, voters: 1, criterionMeans: {}, weightedScore: null },
];

const step = (s: Partial<NextStep> & Pick<NextStep, 'id' | 'ideaId' | 'title'>): NextStep => ({
  ownerId: null,
  ownerName: '',
  due: null,
  outputs: [],
  successCheck: { measure: '', target: '', reviewDate: null, metric: null },
  workType: 'tactical',
  initiativeId: null,
  review: null,
  updatedAt: '2026-06-12T09:00:00.000Z',
  ...s,
});

export const fixtureSteps: NextStep[] = [
  step({
    id: stepId('step:a1'),
    ideaId: ideaId('idea:webinar'),
    title: 'Draft webinar #1 outline',
    ownerId: 'p_ana000001',
    ownerName: 'Ana Ávila',
    due: '2026-07-15',
    outputs: [{ kind: 'asset', description: 'Outline doc, 2 pages' }],
    successCheck: { measure: 'Registrations', target: '>= 200', reviewDate: '2026-08-01', metric: 'Enterprise pipeline share' },
    workType: 'tactical',
  }),
  step({
    id: stepId('step:a2'),
    ideaId: ideaId('idea:webinar'),
    title: '=HYPERLINK("http://evil.example","Run dry-run")',
    ownerName: '-Bob',
    outputs: [{ kind: 'experiment', description: 'Dry run with 5 customers,\nnotes shared' }],
    workType: 'operational',
    updatedAt: '2026-06-12T09:05:00.000Z',
  }),
  step({
    id: stepId('step:b1'),
    ideaId: ideaId('idea:checklist'),
    title: 'Publish checklist',
    ownerName: 'Chen, Li',
    due: '2026-09-01',
    outputs: [
      { kind: 'asset', description: 'Checklist PDF' },
      { kind: 'release', description: 'Landing page' },
    ],
    successCheck: { measure: 'Downloads', target: '+500', reviewDate: '2026-09-30', metric: null },
    workType: 'strategic',
    initiativeId: init('init:gov'),
    review: {
      outcome: 'revise',
      learned: 'Downloads fine;\nlead quality "meh"',
      metrics: ['Enterprise pipeline share'],
      recordedBy: 'Chen, Li',
      recordedAt: '2026-10-01T09:00:00.000Z',
    },
  }),
];

/** A strategy check from an earlier session, in this brief's history. */
export const fixtureStrategyCheck: StrategyCheck = {
  id: 'check:earlier01',
  verdict: 'adjust',
  reason: 'Webinars filled but *pipeline* did not move; aim at "Acme" accounts',
  evidence: [
    'Enterprise pipeline share (target +15% by Q4): 0 continue, 1 revise, 0 stop.',
    '1 of 2 steps reviewed: 0 continue, 1 revise, 0 stop.',
  ],
  suggested: 'adjust',
  fromSessionId: 'ses_earlier000001',
  toSessionId: 'ses_fixture000001',
  checkedAt: '2026-06-01T09:00:00.000Z',
  checkedBy: 'Fran Facilitator',
};

/** The fixture session's `board` and `control` docs, written through the shared accessors like the server does. */
export function fixtureDocs(opts: { finalised?: boolean } = {}): { board: Y.Doc; control: Y.Doc } {
  const board = new Y.Doc();
  const control = new Y.Doc();
  board.transact(() => {
    for (const c of fixtureClusters) insertCluster(board, c);
    for (const i of fixtureIdeas) insertIdea(board, i);
  });
  control.transact(() => {
    writeBrief(control, fixtureBrief);
    writePhase(control, { current: 'plan', changedAt: '2026-06-11T09:00:00.000Z', changedBy: FAC, revealed: true });
    for (const t of fixtureTallies) writeTally(control, t);
    for (const d of fixtureDecisions) writeDecision(control, d);
    for (const s of fixtureSteps) writeStep(control, s);
    writeStrategyCheck(control, fixtureStrategyCheck);
    if (opts.finalised !== false) writeFinalisation(control, '2026-06-20T16:00:00.000Z', { id: FAC, name: 'Fran Facilitator' });
  });
  return { board, control };
}
