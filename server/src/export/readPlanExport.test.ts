import { PlanExportSchema } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CREATED_AT, FIXTURE_NOW, FIXTURE_SESSION_ID, fixtureDocs } from './planFixture.ts';
import { readPlanExport } from './readPlanExport.ts';
import { calendarDateOrNull, instantOrNull } from './toPlanExport.ts';

const exportOf = (opts: { finalised?: boolean } = {}) => {
  const { board, control } = fixtureDocs(opts);
  const plan = readPlanExport({ sessionId: FIXTURE_SESSION_ID, createdAt: FIXTURE_CREATED_AT, board, control, now: FIXTURE_NOW });
  if (!plan) throw new Error('fixture has a brief');
  return plan;
};

describe('readPlanExport', () => {
  it('is valid against the v1 schema and survives a JSON round trip unchanged', () => {
    const plan = exportOf();
    expect(PlanExportSchema.parse(plan)).toEqual(plan);
    expect(PlanExportSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it('carries the whole chain: objective → initiative → kept idea → rationale → steps', () => {
    const plan = exportOf();
    expect(plan.brief.objective).toBe('Win consideration among enterprise buyers who need governance');
    const gov = plan.initiatives.find((g) => g.id === 'init:gov');
    const webinar = gov?.ideas.find((i) => i.id === 'idea:webinar');
    expect(webinar?.decision.rationale).toMatch(/governance choice/);
    expect(webinar?.steps.map((s) => [s.title, s.owner, s.due, s.status])).toEqual([
      ['Draft webinar #1 outline', 'Ana Ávila', '2026-07-15', 'tactic'],
      ['=HYPERLINK("http://evil.example","Run dry-run")', '-Bob', null, 'intention'],
    ]);
    expect(webinar?.selection).toMatchObject({ votes: 7, voters: 4, score: 4.125 });
    expect(webinar?.selection?.criterionScores.map((c) => c.criterion)).toEqual(['Fit', 'Cost']);
  });

  it('shows an initiative nothing serves and files loose ideas last', () => {
    const plan = exportOf();
    expect(plan.initiatives.map((g) => [g.id, g.ideas.length])).toEqual([
      ['init:gov', 1],
      ['init:partners', 1],
      ['init:events', 0],
      [null, 1],
    ]);
  });

  it('keeps original text (line breaks included) for integrations', () => {
    const plan = exportOf();
    expect(plan.dropped[0]?.text).toBe('Billboard at\r\nthe airport');
    expect(plan.parked.map((i) => i.id)).toEqual(['idea:tiktok']);
    expect(plan.undecided).toBe(1);
  });

  it('flags a review date that has passed without a review, as of the export instant', () => {
    const step = exportOf().initiatives[0]?.ideas[0]?.steps[0];
    expect(step?.successCheck.reviewDate).toBe('2026-08-01');
    expect(step?.reviewDue).toBe(true);
  });

  it('names the finalisation, or none before the first one', () => {
    expect(exportOf().finalised).toEqual({ revision: 1, finalisedAt: '2026-06-20T16:00:00.000Z', finalisedBy: 'Fran Facilitator' });
    expect(exportOf({ finalised: false }).finalised).toBeNull();
  });
});

describe('normalisers', () => {
  it('drop dates that do not exist rather than publish them', () => {
    expect(calendarDateOrNull('2026-02-28')).toBe('2026-02-28');
    expect(calendarDateOrNull('2026-02-30')).toBeNull();
    expect(calendarDateOrNull('tomorrow')).toBeNull();
  });

  it('turn any readable instant into UTC ISO and anything else into null', () => {
    expect(instantOrNull('2026-06-10T10:00:00.000Z')).toBe('2026-06-10T10:00:00.000Z');
    expect(instantOrNull('2026-06-10T12:00:00+02:00')).toBe('2026-06-10T10:00:00.000Z');
    expect(instantOrNull(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(instantOrNull('never')).toBeNull();
  });
});
