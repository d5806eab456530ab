import { insertIdea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { isSaved, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const ctx = useServer();

/** The value of one sample in a Prometheus text exposition, or null when absent. */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('health and metrics', () => {
  it('answers liveness and readiness as JSON, never the web app', async () => {
    const live = await fetch(`${ctx.server.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
    const ready = await fetch(`${ctx.server.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', draining: false, store: 'ok', relay: 'none' });
    for (const path of ['/api/health', '/api/nope', '/api/health/ready/x', '/metrics/x']) {
      const res = await fetch(`${ctx.server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('counts what users do: rooms, sockets, updates in and out, refusals, commit and ack latency, commands', async () => {
    const { url, wsUrl } = ctx.server;
    const s = await sessionWithPeople(url);
    const writer = ctx.open(wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    const watcher = ctx.open(wsUrl, s.sessionId, 'board', s.participant.token);
    const viewer = ctx.open(wsUrl, s.sessionId, 'board', s.viewer.token);
    await Promise.all([waitSynced(writer), waitSynced(watcher), waitSynced(viewer)]);
    insertIdea(writer.doc, sampleIdea({ ...writer.author, id: 'idea:m1' as never, text: 'measured' }));
    await waitFor(() => isSaved(writer), 'saved');
    insertIdea(viewer.doc, sampleIdea({ ...viewer.author, id: 'idea:m2' as never, text: 'not allowed' }));
    await waitFor(() => viewer.denials.length > 0, 'viewer refused');
    // An AI request runs to the end (offline generator) and is counted.
    expect((await command(url, s.sessionId, s.participant.token, { type: 'generateIdeas', count: 2, seed: 1 })).status).toBe(200);
    await waitFor(() => ctx.server.app.ai.runningIn(s.sessionId) === 0, 'the AI request to finish', 20_000);
    expect((await command(url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBeLessThan(500);
    await command(url, s.sessionId, s.facilitatorToken, { type: 'noSuchCommand' });

    const res = await fetch(`${url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'throughline_rooms_loaded')).toBeGreaterThanOrEqual(2); // board and control
    expect(sample(text, 'throughline_connections')).toBe(3);
    expect(sample(text, 'throughline_updates_total', '{direction="in"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'throughline_updates_total', '{direction="out"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'throughline_update_bytes_total', '{direction="in"}')).toBeGreaterThan(0);
    expect(sample(text, 'throughline_updates_refused_total', '{reason="read-only"}')).toBe(1);
    expect(sample(text, 'throughline_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'throughline_ack_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/throughline_command_seconds_count\{type="setPhase",outcome="(ok|refused)"\} 1/);
    // A made-up command type does not become a label of its own.
    expect(text).toMatch(/throughline_command_seconds_count\{type="unknown",outcome="refused"\} 1/);
    expect(text).not.toContain('noSuchCommand');
    expect(text).toMatch(/throughline_ai_requests_total\{kind="ideas",outcome="ok"\} 1/);
    expect(text).toContain('process_resident_memory_bytes');
  });
});
