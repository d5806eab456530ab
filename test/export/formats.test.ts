import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PlanExportSchema,
  PlanExportV1Schema,
  parsePlanExport,
  planJsonSchema,
  planJsonSchemaV1,
  toPlanExportV1,
} from '@throughline/shared';
import Ajv2020 from 'ajv/dist/2020.js';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, planToCsv } from '../../server/src/export/planToCsv.ts';
import { planToIcs } from '../../server/src/export/planToIcs.ts';
import { planToMarkdown } from '../../server/src/export/planToMarkdown.ts';
import { planToPdf } from '../../server/src/export/planToPdf.ts';
import { fixturePlan } from './exportFixture.ts';
import { parseCsv } from './parseCsv.ts';
import { pdfText, renderPdfPages } from './pdfPages.ts';

const ajv = () =>
  // zod's date and date-time already come with a pattern; the format keywords are annotations here.
  new Ajv2020({ strict: true, allErrors: true, formats: { date: true, 'date-time': true } });

describe('CSV', () => {
  const rows = parseCsv(planToCsv(fixturePlan()));
  const [header, ...body] = rows;
  const col = (r: string[] | undefined, name: (typeof CSV_COLUMNS)[number]) => r?.[CSV_COLUMNS.indexOf(name)];

  it('is strict RFC 4180 with the importer column names and one row per step', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header?.slice(0, 4)).toEqual(['Summary', 'Description', 'Assignee', 'Due Date']);
    expect(body.map((r) => col(r, 'Step ID'))).toEqual(['step:a1', 'step:a2', 'step:b1']);
    for (const r of body) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps commas, quotes and line breaks inside their cells', () => {
    const first = body[0];
    expect(col(first, 'Idea')).toBe('Webinar series:\n"Audit-ready in 30 days"');
    expect(col(first, 'Outputs')).toBe('asset: Outline doc, 2 pages');
    expect(col(body[2], 'Assignee')).toBe('Chen, Li');
    expect(col(first, 'Description')?.split('\n')[0]).toBe('Objective: Win consideration among enterprise buyers who need governance');
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(col(body[1], 'Summary')).toBe(`'=HYPERLINK("http://evil.example","Run dry-run")`);
    expect(col(body[1], 'Assignee')).toBe(`'-Bob`);
    expect(col(body[2], 'Rationale')).toBe(`'@here it costs little,\nproves the point`);
    expect(col(body[2], 'Target')).toBe(`'+500`);
    for (const cell of body.flat()) expect(cell).not.toMatch(/^\s*[=+\-@\t\r]/);
  });

  it('carries the chain in every row', () => {
    for (const r of body) {
      expect(col(r, 'Objective')).toBe('Win consideration among enterprise buyers who need governance');
      expect(col(r, 'Initiative')).toBe('Governance story');
      expect(col(r, 'Rationale')).not.toBe('');
    }
    expect(body.map((r) => col(r, 'Step Status'))).toEqual(['tactic', 'intention', 'tactic']);
    expect(body.map((r) => col(r, 'Work Type'))).toEqual(['tactical', 'operational', 'strategic']);
    expect(col(body[0], 'Review Date')).toBe('2026-08-01');
  });

  it('carries the strategy bridge: criteria served, the override reason and the metric a step feeds', () => {
    expect(body.map((r) => col(r, 'Serves Criteria'))).toEqual(['Fit, Cost', 'Fit, Cost', '']);
    expect(body.map((r) => col(r, 'Feeds Metric'))).toEqual(['Enterprise pipeline share', '', '']);
    expect(body.map((r) => col(r, 'Override Reason'))).toEqual(['', '', '']);
    expect(col(body[0], 'Description')).toContain('Feeds metric: Enterprise pipeline share');
    // The fixture's override has no step, so give the webinar one: its rows then say so, in a column and in the description.
    const plan = fixturePlan();
    const webinar = plan.initiatives.flatMap((g) => g.ideas).find((i) => i.id === 'idea:webinar');
    if (!webinar) throw new Error('fixture has the webinar');
    webinar.decision = { ...webinar.decision, override: true, overrideReason: 'Partners asked, before the vote' };
    const [, first] = parseCsv(planToCsv(plan));
    expect(col(first, 'Override Reason')).toBe('Partners asked, before the vote');
    expect(col(first, 'Description')).toContain('Override: kept against the votes and scores: Partners asked, before the vote');
  });
});

describe('JSON', () => {
  const committed = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/schemas', file), 'utf8'));

  it('validates (ajv) against the published v2 JSON Schema, which matches the committed copy in docs/', () => {
    const schema = planJsonSchema();
    expect(committed('plan.v2.json')).toEqual(schema);
    const validate = ajv().compile(schema);
    const plan = JSON.parse(JSON.stringify(fixturePlan()));
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    // The strategy bridge is in the file: an override with its reason, a step's metric, a strategy check.
    const partner = plan.initiatives.flatMap((g: { ideas: unknown[] }) => g.ideas).find((i: { id: string }) => i.id === 'idea:partner');
    expect(partner.decision).toMatchObject({ override: true, overrideReason: 'Two SI partners asked for it | before the vote' });
    expect(plan.initiatives[0].ideas[0].steps[0].successCheck.metric).toBe('Enterprise pipeline share');
    expect(plan.unfedMetrics).toEqual(['Win rate vs. "Acme"']);
    expect(plan.strategyChecks.map((c: { verdict: string }) => c.verdict)).toEqual(['adjust']);
  });

  it('still offers v1: the downgraded plan validates against the unchanged v1 schema and refuses v2 fields', () => {
    const schema = planJsonSchemaV1();
    expect(committed('plan.v1.json')).toEqual(schema);
    const validate = ajv().compile(schema);
    const v1 = JSON.parse(JSON.stringify(toPlanExportV1(fixturePlan())));
    expect(validate(v1), JSON.stringify(validate.errors)).toBe(true);
    expect(PlanExportV1Schema.safeParse(v1).success).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(fixturePlan())))).toBe(false);
  });

  it('round-trips through the zod parser unchanged', () => {
    const plan = fixturePlan();
    const r = parsePlanExport(JSON.parse(JSON.stringify(plan)));
    expect(r.ok && r.value).toEqual(plan);
  });

  it('is refused by both validators when it breaks the contract', () => {
    const validate = ajv().compile(planJsonSchema());
    const plan = JSON.parse(JSON.stringify(fixturePlan()));
    const broken = [
      { ...plan, version: 1 },
      { ...plan, strategyChecks: [{ verdict: 'maybe' }] },
      { ...plan, surprise: true },
      { ...plan, initiatives: [{ ...plan.initiatives[0], ideas: [{ ...plan.initiatives[0].ideas[0], steps: [{ due: '2026-02-30' }] }] }] },
    ];
    for (const b of broken) {
      expect(validate(b)).toBe(false);
      expect(PlanExportSchema.safeParse(b).success).toBe(false);
    }
  });
});

describe('iCalendar', () => {
  const events = () =>
    Object.values(ical.sync.parseICS(planToIcs(fixturePlan())))
      .filter((c): c is VEvent => c.type === 'VEVENT')
      .sort((a, b) => a.uid.localeCompare(b.uid));
  const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  it("puts each step's due date and review date in the calendar as all-day events", () => {
    const ev = events();
    expect(ev.map((e) => [e.summary, e.datetype, ymd(e.start)])).toEqual([
      ['Due: Draft webinar #1 outline', 'date', '2026-07-15'],
      ['Review: Draft webinar #1 outline (Registrations → >= 200)', 'date', '2026-08-01'],
      ['Due: Publish checklist', 'date', '2026-09-01'],
      ['Review: Publish checklist (Downloads → +500)', 'date', '2026-09-30'],
    ]);
    // One day long: Outlook shows a zero-length all-day event as nothing at all.
    for (const e of ev) expect((e.end.getTime() - e.start.getTime()) / 86_400_000).toBe(1);
  });

  it('keeps the chain readable in the notes, hostile text and all', () => {
    const [due] = events();
    expect(due?.description).toContain('Idea: Webinar series: "Audit-ready in 30 days"');
    expect(due?.description).toContain('Why kept: Supports the governance choice; buyers asked for *proof*, not promises');
    expect(due?.description).toContain('Outputs: asset: Outline doc, 2 pages');
  });

  it('gives stable UIDs so a re-import updates events instead of duplicating them', () => {
    expect(events().map((e) => e.uid)).toEqual([
      'ses_fixture000001.step-a1.due@throughline',
      'ses_fixture000001.step-a1.review@throughline',
      'ses_fixture000001.step-b1.due@throughline',
      'ses_fixture000001.step-b1.review@throughline',
    ]);
  });
});

describe('PDF', () => {
  it('prints the brief at the top and the chain below on a one-pager', async () => {
    const pdf = await planToPdf(fixturePlan());
    const pages = renderPdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const p of pages) expect(p.ink).toBeGreaterThan(0.001);
    // A4 portrait at 40 dpi.
    expect(pages[0]).toMatchObject({ width: 331, height: 468 });
    const text = pdfText(pdf);
    const at = (s: string) => text.indexOf(s);
    expect(at('Objective')).toBeGreaterThanOrEqual(0);
    expect(at('Win consideration among enterprise buyers who need governance')).toBeLessThan(at('Initiative: Governance story'));
    expect(at('Initiative: Governance story')).toBeLessThan(at('Draft webinar #1 outline'));
    expect(text).toContain('Q3–Q4 2026');
    expect(text).toContain('Ana Ávila');
    expect(text).toMatch(/page 1 of \d/);
    // The strategy bridge: the override and its reason, the criteria served, the metric a step feeds, the strategy check.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Override: kept against the votes and scores: Two SI partners asked for it | before the vote');
    expect(flat).toContain('Serves: Fit, Cost');
    expect(flat).toMatch(/Feeds metric:? Enterprise pipeline share/);
    expect(flat).toContain('Adjust the strategy — 2026-06-01 09:00 UTC, Fran Facilitator');
  });

  it('continues onto further pages, every one numbered and printed, never cutting a step in half', async () => {
    const plan = fixturePlan();
    const idea = plan.initiatives[0]?.ideas[0];
    const step = idea?.steps[0];
    if (!idea || !step) throw new Error('fixture has a step');
    idea.steps = Array.from({ length: 40 }, (_, n) => ({ ...step, id: `step:many${n}`, title: `Step number ${n + 1}` }));
    const pdf = await planToPdf(plan);
    const pages = renderPdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) expect(p.ink).toBeGreaterThan(0.001);
    const text = pdfText(pdf);
    expect(text).toContain(`page ${pages.length} of ${pages.length}`);
    for (let n = 1; n <= 40; n++) expect(text).toContain(`Step number ${n}`);
    // Each step's block (title to work type) sits on one page.
    for (const page of text.split('\f')) {
      const titles = (page.match(/Step number \d+/g) ?? []).length;
      const workTypes = (page.match(/Work type:/g) ?? []).length;
      if (titles > 0) expect(workTypes).toBeGreaterThanOrEqual(titles);
    }
  });
});

describe('Markdown', () => {
  it('shows hostile text literally and keeps the document structure', () => {
    const md = planToMarkdown(fixturePlan());
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b|em)\b/m);
    expect(md.match(/^## .*/gm)).toEqual([
      '## Brief',
      '## Strategy checks',
      '## Plan',
      '## Strategic metrics and the steps that feed them',
      '## Work-type balance',
      '## Still open',
      '## Appendix: parked and dropped ideas',
    ]);
    expect(md).toContain('## Appendix: parked and dropped ideas');
    expect(md).toContain('| Tactical | 1 | 34% |');
    // Line breaks in a note never start a new Markdown block.
    expect(md).toContain('#### Webinar series: "Audit-ready in 30 days"');
  });
});
