import { parseBrief, readAgenda, readBrief, readSettings, TemplateSchema } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { sampleBrief } from '../helpers/api.ts';
import { waitFor } from '../helpers/connectDoc.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

const post = async (body: object) => {
  const res = await fetch(`${t.server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('templates', () => {
  it('lists at least five templates, each valid against the template and brief schemas', async () => {
    const res = await fetch(`${t.server.url}/api/templates`);
    const { templates } = (await res.json()) as { templates: { id: string; brief: unknown }[] };
    expect(templates.length).toBeGreaterThanOrEqual(5);
    for (const tpl of templates) {
      expect(TemplateSchema.safeParse(tpl).success).toBe(true);
      expect(parseBrief(tpl.brief).ok).toBe(true);
    }
    const docs = (await (await fetch(`${t.server.url}/api/docs`)).json()) as { paths: Record<string, unknown> };
    expect(docs.paths['/api/templates']).toBeDefined();
  });

  it("starts a session from a template: its agenda and voting settings, and the facilitator's own brief, checked", async () => {
    const vague = { ...sampleBrief(), objective: 'Grow awareness' };
    const created = await post({ templateId: 'campaign-brainstorm', brief: vague });
    expect(created.status).toBe(201);
    expect((created.body.warnings as { code: string }[]).map((w) => w.code)).toContain('objective-vague');
    const control = t.open(t.server.wsUrl, created.body.sessionId as string, 'control', created.body.facilitatorToken as string);
    await waitFor(() => readAgenda(control.doc).items.length > 0, 'control synced');
    expect(readBrief(control.doc)?.objective).toBe('Grow awareness');
    expect(readAgenda(control.doc).items[0]).toMatchObject({ phase: 'explore', minutes: 5 });
    expect(readSettings(control.doc)).toMatchObject({ voteBudget: 3, perIdeaCap: 1, blindOrigin: true, privateMode: true });
  });

  it("uses the template's example brief when none is sent, and refuses unknown templates and bad briefs", async () => {
    const created = await post({ templateId: 'retention-sprint' });
    expect(created).toMatchObject({ status: 201, body: { warnings: [] } });
    expect((await post({ templateId: 'no-such-template' })).status).toBe(404);
    const bad = await post({ templateId: 'retention-sprint', brief: { objective: '', audience: 'x' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'TL_ERR_INVALID_BRIEF' } });
    expect((await post({})).status).toBe(400);
  });
});
