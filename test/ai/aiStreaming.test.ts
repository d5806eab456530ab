import { createIdeaId, insertIdea, readAiRequest, readIdeas } from '@throughline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { command, join, sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import {
  beginStream,
  endStream,
  type FakeHandler,
  type FakeOpenAi,
  ideaLines,
  sendCompletion,
  sendDelta,
  sendError,
  startFakeOpenAi,
  streamText,
} from './fakeOpenAi.ts';

const KEY = 'sk-live-THIS-KEY-MUST-NEVER-LEAK-0123456789';
const TEXTS = [
  'Publish a governance checklist IT leads can use in procurement',
  'Borrow from airlines: a status tier for repeat enterprise evaluators',
  'Invite five IT leads to a private preview of the audit log',
];

let server: TestServer | null = null;
let fake: FakeOpenAi | null = null;
let peers: Peer[] = [];
let logs: string[] = [];
afterEach(async () => {
  for (const p of peers) p.destroy();
  peers = [];
  await server?.close();
  await fake?.close();
  server = null;
  fake = null;
  logs = [];
});

/** A real server whose AI is the OpenAI SDK pointed at a fake OpenAI-compatible service. */
async function setup(handler: FakeHandler) {
  fake = await startFakeOpenAi(handler);
  server = await startServer({
    openai: { apiKey: KEY, baseUrl: fake.baseUrl, model: 'fake-model' },
    logger: { level: 'debug', stream: { write: (line: string) => void logs.push(line) } },
  });
  const s = await sessionWithPeople(server.url);
  const url = server.url;
  const watcher = connectDoc(server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
  peers.push(watcher);
  await waitSynced(watcher);
  return { s, watcher, fake, cmd: (token: string, body: object) => command(url, s.sessionId, token, body) };
}

const aiIdeas = (p: Peer) => readIdeas(p.doc).filter((i) => i.origin === 'ai');

describe('AI generation through the server with an OpenAI-compatible model', () => {
  it('puts the first idea on another participant’s board before the model has finished replying', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { s, watcher, fake, cmd } = await setup(async (_req, res) => {
      beginStream(res);
      const all = ideaLines(TEXTS);
      const cut = all.indexOf('\n') + 10;
      sendDelta(res, all.slice(0, cut));
      await gate;
      sendDelta(res, all.slice(cut));
      endStream(res);
    });
    const r = await cmd(s.participant.token, { type: 'generateIdeas', count: 3 });
    expect(r.status).toBe(200);
    const requestId = r.body.requestId as string;
    expect(r.body).toMatchObject({ generator: 'openai', model: 'fake-model' });

    await waitFor(() => aiIdeas(watcher).length === 1, 'first idea on the other board');
    expect(fake.requests[0]?.isClosed()).toBe(false);
    expect(readAiRequest(watcher.doc, requestId)).toMatchObject({ status: 'running', count: 1 });
    expect(aiIdeas(watcher)[0]).toMatchObject({
      text: TEXTS[0],
      lane: 'ai',
      provenance: {
        generator: 'openai',
        model: 'fake-model',
        promptVersion: 'ideas-1',
        requestId,
        requestedBy: s.participant.participantId,
      },
    });

    release();
    await waitFor(() => readAiRequest(watcher.doc, requestId)?.status === 'done', 'done');
    expect(
      aiIdeas(watcher)
        .map((i) => i.text)
        .sort(),
    ).toEqual([...TEXTS].sort());
  });

  it('cancels on request of the person who asked: upstream aborted, ideas so far kept', async () => {
    const { s, watcher, fake, cmd } = await setup((_req, res) => {
      beginStream(res);
      sendDelta(res, ideaLines(TEXTS.slice(0, 1)));
    });
    const other = await join(server?.url as string, s.sessionId, s.invites.participant, 'Quinn');
    const r = await cmd(s.participant.token, { type: 'generateIdeas', count: 3 });
    const requestId = r.body.requestId as string;
    await waitFor(() => aiIdeas(watcher).length === 1, 'first idea');

    const stranger = await cmd(other.token, { type: 'cancelGeneration', requestId });
    expect(stranger.status).toBe(403);
    const cancelled = await cmd(s.participant.token, { type: 'cancelGeneration', requestId });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', count: 1 });
    await fake.requests[0]?.closed;
    expect(fake.requests[0]?.isClosed()).toBe(true);
    await waitFor(() => readAiRequest(watcher.doc, requestId)?.status === 'cancelled', 'cancelled status');
    expect(aiIdeas(watcher)).toHaveLength(1);
  });

  it('reports malformed and over-long output as a clear failure and changes nothing on the board', async () => {
    const { s, watcher, cmd } = await setup((_req, res) =>
      streamText(res, `Sure! {text: 'oops'}\n${JSON.stringify({ text: 'z'.repeat(400), lens: 'jobs' })}\n`),
    );
    const r = await cmd(s.participant.token, { type: 'generateIdeas', count: 3 });
    const requestId = r.body.requestId as string;
    await waitFor(() => readAiRequest(watcher.doc, requestId)?.status === 'failed', 'failed');
    expect(readAiRequest(watcher.doc, requestId)?.error?.kind).toBe('invalid-output');
    expect(readAiRequest(watcher.doc, requestId)?.rejected).toBe(2);
    expect(aiIdeas(watcher)).toHaveLength(0);
  });

  it('reports a rate-limited AI service, and never leaks the API key anywhere', async () => {
    const { s, watcher, fake, cmd } = await setup((req, res) =>
      sendError(res, 429, `Rate limit reached for key ${String(req.headers.authorization)}`, { 'retry-after': '300' }),
    );
    const r = await cmd(s.participant.token, { type: 'generateIdeas', count: 3 });
    const requestId = r.body.requestId as string;
    await waitFor(() => readAiRequest(watcher.doc, requestId)?.status === 'failed', 'failed');
    const rec = readAiRequest(watcher.doc, requestId);
    expect(rec?.error?.kind).toBe('rate-limited');
    expect(rec?.error?.message).toMatch(/300 s/);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const summary = await fetch(`${server?.url}/api/sessions/${s.sessionId}`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    const everything = [JSON.stringify(r.body), JSON.stringify(rec), await summary.text(), logs.join('\n')].join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(0, 12));
  });

  it('stops when the board freezes mid-generation', async () => {
    const { s, watcher, fake, cmd } = await setup((_req, res) => {
      beginStream(res);
      sendDelta(res, ideaLines(TEXTS.slice(0, 1)));
    });
    const r = await cmd(s.participant.token, { type: 'generateIdeas', count: 3 });
    const requestId = r.body.requestId as string;
    await waitFor(() => aiIdeas(watcher).length === 1, 'first idea');
    expect((await cmd(s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    await waitFor(() => readAiRequest(watcher.doc, requestId)?.status === 'cancelled', 'stopped');
    expect(readAiRequest(watcher.doc, requestId)?.error?.kind).toBe('frozen');
    await fake.requests[0]?.closed;
    expect(aiIdeas(watcher)).toHaveLength(1);
  });

  it('lets the session go on while the model thinks about cluster suggestions', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { s, watcher, cmd } = await setup(async (_req, res) => {
      await gate;
      sendCompletion(res, '{"title": "Pilots", "ideas": [0, 1]}');
    });
    watcher.doc.transact(() => {
      for (const text of ['Run a pilot with IT leads', 'A 30-day pilot programme']) {
        insertIdea(watcher.doc, sampleIdea({ ...watcher.author, id: createIdeaId(), text, authorId: s.participantId }));
      }
    });
    await waitFor(() => (server?.app.rooms.isLoaded(s.sessionId, 'board') ?? false) && readIdeas(watcher.doc).length === 2, 'notes');
    await server?.app.store.whenDurable();
    const suggesting = cmd(s.participant.token, { type: 'suggestClusters' });
    await waitFor(() => (fake?.requests.length ?? 0) === 1, 'the model to be asked');
    // While the model is still thinking, other commands of the session are answered.
    expect((await cmd(s.facilitatorToken, { type: 'updateSettings', aiMinOwnIdeas: 1 })).status).toBe(200);
    release();
    const r = await suggesting;
    expect(r.status).toBe(200);
    expect((r.body.suggestions as { title: string }[]).map((g) => g.title)).toEqual(['Pilots']);
  });
});
