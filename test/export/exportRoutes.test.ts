import { execFileSync } from 'node:child_process';
import { PLAN_SCHEMA_PATH } from '@throughline/shared';
import Ajv2020 from 'ajv/dist/2020.js';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../server/src/export/planToCsv.ts';
import { createSession } from '../helpers/api.ts';
import type { TestServer } from '../helpers/startServer.ts';
import { HOSTILE_IDEA, HOSTILE_STEP, plannedSession, startExportServer } from './exportServer.ts';
import { parseCsv } from './parseCsv.ts';
import { pdfText, renderPdfPages } from './pdfPages.ts';

let s: TestServer;
let session: Awaited<ReturnType<typeof plannedSession>>;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  s = await startExportServer();
  session = await plannedSession(s, { title: 'Q3 "Governance": EMEA' });
});
afterAll(async () => {
  await s?.close();
});

const get = (path: string, token?: string) =>
  fetch(`${s.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined);
const exportUrl = (ext: string) => `/api/sessions/${session.sessionId}/export.${ext}`;

describe('GET /api/sessions/:id/export.*', () => {
  it.each([
    ['md', 'text/markdown'],
    ['csv', 'text/csv'],
    ['json', 'application/json'],
    ['ics', 'text/calendar'],
    ['pdf', 'application/pdf'],
  ])('serves .%s to a viewer as a download named after the session and the date', async (ext, type) => {
    const res = await get(exportUrl(ext), session.vic.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    const utf8Name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '');
    expect(utf8Name).toBe(`Q3 Governance EMEA - ${today()}.${ext}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('accepts ?token= so a plain link downloads', async () => {
    const res = await fetch(`${s.url}${exportUrl('md')}?token=${encodeURIComponent(session.pat.token)}`);
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain('Webinar "Audit-ready", in 30 days \\<script\\>alert(1)\\</script\\> \\*\\*now\\*\\*');
    expect(md).toContain('Owner: Pat Ortega');
  });

  it('refuses a missing, forged or foreign token', async () => {
    expect((await get(exportUrl('csv'))).status).toBe(401);
    expect((await get(exportUrl('csv'), `${session.vic.token}x`)).status).toBe(401);
    const other = await createSession(s.url);
    const res = await get(exportUrl('csv'), other.facilitatorToken);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('TL_ERR_FORBIDDEN');
    expect((await get(`/api/sessions/ses_nosuchsession1/export.csv`, session.fac)).status).toBe(404);
  });

  it('serves JSON that validates against the schema published at PLAN_SCHEMA_PATH (v2)', async () => {
    const schemaRes = await fetch(`${s.url}${PLAN_SCHEMA_PATH}`);
    expect(schemaRes.status).toBe(200);
    expect(schemaRes.headers.get('content-type')).toContain('application/schema+json');
    const validate = new Ajv2020({ strict: true, formats: { date: true, 'date-time': true } }).compile(await schemaRes.json());
    const res = await get(exportUrl('json'), session.vic.token);
    expect(res.headers.get('link')).toBe(`<${PLAN_SCHEMA_PATH}>; rel="describedby"`);
    const plan = (await res.json()) as { initiatives: { ideas: { text: string; steps: { title: string; owner: string }[] }[] }[] };
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    const idea = plan.initiatives[0]?.ideas[0];
    expect(idea?.text).toBe(HOSTILE_IDEA);
    expect(idea?.steps.map((st) => [st.title, st.owner])).toEqual([
      ['Draft the webinar outline, v1', 'Pat Ortega'],
      [HOSTILE_STEP, '-Bob'],
    ]);
  });

  it('serves a CSV with one neutralised row per step', async () => {
    const rows = parseCsv(await (await get(exportUrl('csv'), session.vic.token)).text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Draft the webinar outline, v1', 'Pat Ortega', '2027-01-15'],
      [`'${HOSTILE_STEP}`, `'-Bob`, ''],
    ]);
  });

  it('serves each CSV variant under its own file name, and refuses an unknown one', async () => {
    for (const [variant, first] of [
      ['asana', 'Name,Description,Section,Assignee,Due Date'],
      ['linear', 'Title,Description,Assignee,Labels'],
      ['excel', '\ufeffSummary,Description,Assignee,Due Date,Labels'],
    ] as const) {
      const res = await get(`${exportUrl('csv')}?variant=${variant}`, session.vic.token);
      expect(res.status).toBe(200);
      const disposition = decodeURIComponent((res.headers.get('content-disposition') ?? '').split("filename*=UTF-8''")[1] ?? '');
      expect(disposition).toBe(`Q3 Governance EMEA - ${today()} - ${variant}.csv`);
      // text() would drop the byte-order mark, so read the bytes.
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).startsWith(first)).toBe(true);
    }
    const bad = await get(`${exportUrl('csv')}?variant=trello`, session.vic.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'TL_ERR_BAD_REQUEST',
      message: 'unknown CSV variant "trello"; use one of jira, asana, linear, excel',
    });
  });

  it('serves a calendar that a parser reads back', async () => {
    const cal = ical.sync.parseICS(await (await get(exportUrl('ics'), session.vic.token)).text());
    const events = Object.values(cal).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Due: Draft the webinar outline, v1',
      'Review: Draft the webinar outline, v1 (Registrations → 200)',
    ]);
  });

  it('serves a PDF that prints', async () => {
    const pdf = new Uint8Array(await (await get(exportUrl('pdf'), session.vic.token)).arrayBuffer());
    // A small session: the brief, its chain and the metrics section fit on two pages at most.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(renderPdfPages(pdf)[0]?.ink).toBeGreaterThan(0.001);
    expect(pdfText(pdf)).toContain('Win consideration among enterprise buyers who need governance');
  });

  it('knows no other formats', async () => {
    expect((await get(exportUrl('xml'), session.fac)).status).toBe(404);
  });
});
