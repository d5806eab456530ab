import {
  type AiRequestRecord,
  createIdeaId,
  ErrorCode,
  insertIdea,
  Origins,
  personIdea,
  readAiRequest,
  readClusters,
  readIdeas,
  writeSettings,
} from '@throughline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

let server: TestServer;
let peers: Peer[] = [];
beforeEach(async () => {
  // These tests are about the commands, not the offline generator's human pace: stream without waiting.
  server = await startServer({ openai: { apiKey: null, baseUrl: null, model: 'gpt-4o-mini', offlinePaceMs: 0 } });
});
afterEach(async () => {
  for (const p of peers) p.destroy();
  peers = [];
  await server.close();
});

async function setup() {
  const s = await sessionWithPeople(server.url);
  const board = (token: string) => {
    const p = connectDoc(server.wsUrl, s.sessionId, 'board', token);
    peers.push(p);
    return p;
  };
  const cmd = (token: string, body: object) => command(server.url, s.sessionId, token, body);
  return { s, board, cmd, fac: s.facilitatorToken, pat: s.participant.token, vic: s.viewer.token };
}

const aiIdeas = (p: Peer) => readIdeas(p.doc).filter((i) => i.origin === 'ai');
const status = (p: Peer, id: string): AiRequestRecord | null => readAiRequest(p.doc, id);

/** A person's note, written through their own board connection as the client would (under the token's name). */
function addNote(p: Peer, text: string) {
  const author = { id: p.author.authorId, name: p.author.authorName };
  p.doc.transact(() => insertIdea(p.doc, personIdea({ id: createIdeaId(), text, x: 0, y: 0, author, createdAt: Date.now() })));
}

describe('generateIdeas (offline generator)', () => {
  it('streams ideas into the AI lane of every board with provenance and a status record', async () => {
    const { board, cmd, pat, s } = await setup();
    const other = board(s.facilitatorToken);
    await waitSynced(other);
    const r = await cmd(pat, { type: 'generateIdeas', count: 10, lens: 'analogy', seed: 42 });
    expect(r.status).toBe(200);
    const requestId = r.body.requestId as string;
    expect(requestId).toMatch(/^ai_/);
    expect(r.body.generator).toBe('offline');
    await waitFor(() => status(other, requestId)?.status === 'done', 'generation done');
    const ideas = aiIdeas(other);
    expect(ideas).toHaveLength(10);
    for (const i of ideas) {
      expect(i.lane).toBe('ai');
      expect(i.provenance).toMatchObject({
        generator: 'offline',
        lens: 'analogy',
        requestId,
        requestedBy: s.participant.participantId,
        seed: 42,
      });
      expect(i.provenance?.promptVersion).toBeTruthy();
      // Written for the brief's audience, and tied to its one initiative.
      expect(i.text).toContain('IT leads');
      expect(i.provenance?.initiativeId).toMatch(/^init/);
    }
    expect(status(other, requestId)).toMatchObject({ status: 'done', count: 10, requested: 10, requestedByName: 'Pat', error: null });
  });

  it('refuses viewers, and everyone outside explore', async () => {
    const { cmd, fac, pat, vic } = await setup();
    const viewer = await cmd(vic, { type: 'generateIdeas', count: 3 });
    expect(viewer.status).toBe(403);
    expect(viewer.body.code).toBe(ErrorCode.forbidden);
    expect((await cmd(fac, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    const late = await cmd(pat, { type: 'generateIdeas', count: 3 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe(ErrorCode.wrongPhase);
    expect((await cmd(fac, { type: 'generateIdeas', count: 3 })).status).toBe(409);
  });

  it('rejects a count above the cap before anything runs', async () => {
    const { cmd, pat } = await setup();
    const r = await cmd(pat, { type: 'generateIdeas', count: 51 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.invalidCommand);
  });

  it('holds generation back until each participant has added their own ideas (aiMinOwnIdeas)', async () => {
    const { board, cmd, pat, s } = await setup();
    await server.app.rooms.with(s.sessionId, ['control'], (room: { doc: Y.Doc }) =>
      room.doc.transact(() => writeSettings(room.doc, { aiMinOwnIdeas: 2 }), Origins.command),
    );
    const mine = board(pat);
    await waitSynced(mine);
    addNote(mine, 'Governance checklist');
    const early = await cmd(pat, { type: 'generateIdeas', count: 3 });
    expect(early.status).toBe(409);
    expect(String(early.body.message)).toMatch(/2 ideas of their own.*Pat/);
    addNote(mine, 'Audit log preview');
    await waitFor(() => mine.provider.synced, 'synced');
    let ok = await cmd(pat, { type: 'generateIdeas', count: 3 });
    for (let i = 0; ok.status !== 200 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ok = await cmd(pat, { type: 'generateIdeas', count: 3 });
    }
    expect(ok.status).toBe(200);
  });

  it('limits AI requests per session', async () => {
    const openai = server.app.config.openai;
    await server.close();
    server = await startServer({ openai, ai: { limits: { requestsPerWindow: 2 } } });
    const { cmd, pat } = await setup();
    expect((await cmd(pat, { type: 'generateIdeas', count: 1 })).status).toBe(200);
    expect((await cmd(pat, { type: 'generateIdeas', count: 1 })).status).toBe(200);
    const third = await cmd(pat, { type: 'generateIdeas', count: 1 });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe(ErrorCode.rateLimited);
    expect(String(third.body.message)).toMatch(/Try again in \d+ s/);
  });
});

describe('adoptAiIdea and selection', () => {
  it('an AI idea cannot be voted on until a person adopts it', async () => {
    const { board, cmd, fac, pat, s } = await setup();
    const view = board(fac);
    await waitSynced(view);
    const r = await cmd(pat, { type: 'generateIdeas', count: 2, seed: 1 });
    await waitFor(() => status(view, r.body.requestId as string)?.status === 'done', 'done');
    const [a, b] = aiIdeas(view);
    if (!a || !b) throw new Error('expected two AI ideas');

    const adopted = await cmd(pat, { type: 'adoptAiIdea', ideaId: a.id, text: 'Reworded by Pat', x: 300, y: 200 });
    expect(adopted.status).toBe(200);
    await waitFor(() => readIdeas(view.doc).find((i) => i.id === a.id)?.lane === 'canvas', 'adopted');
    expect(readIdeas(view.doc).find((i) => i.id === a.id)).toMatchObject({
      lane: 'canvas',
      origin: 'ai',
      text: 'Reworded by Pat',
      adoptedBy: s.participant.participantId,
      editedBy: s.participant.participantId,
      x: 300,
      y: 200,
    });
    expect((await cmd(pat, { type: 'adoptAiIdea', ideaId: a.id })).status).toBe(409);
    expect((await cmd(s.viewer.token, { type: 'adoptAiIdea', ideaId: b.id })).status).toBe(403);

    expect((await cmd(fac, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    const onLane = await cmd(pat, { type: 'castVote', ideaId: b.id });
    expect(onLane.status).toBe(409);
    expect(onLane.body.code).toBe(ErrorCode.notSelectable);
    const onCanvas = await cmd(pat, { type: 'castVote', ideaId: a.id });
    expect(onCanvas.status, JSON.stringify(onCanvas.body)).toBe(200);
    // Adoption is an exploring act: the frozen board refuses it.
    expect((await cmd(pat, { type: 'adoptAiIdea', ideaId: b.id })).status).toBe(409);
  });
});

describe('AI ideas written over sync', () => {
  it('refuses notes a client dresses up as the AI, tells the sender, and keeps them from everyone else', async () => {
    const { board, pat, s } = await setup();
    const watcher = board(s.facilitatorToken);
    await waitSynced(watcher);
    const provenance = {
      generator: 'offline',
      model: 'lenses-v1',
      lens: 'jobs',
      promptVersion: 'p1',
      requestId: 'ai_madeup01',
      requestedBy: 'p_x',
    };
    // Each forgery from its own connection: a refused change stays in its sender's doc and would be re-sent.
    const forge = async (text: string, over: object) => {
      const forger = board(pat);
      await waitSynced(forger);
      forger.doc.transact(() =>
        insertIdea(forger.doc, {
          ...personIdea({ id: createIdeaId(), text, x: 0, y: 0, author: { id: 'ai', name: 'AI' }, createdAt: 1 }),
          origin: 'ai',
          provenance,
          ...over,
        }),
      );
      await waitFor(() => forger.denials.length > 0, `the refusal of "${text}"`);
      return forger.denials[0];
    };
    expect(await forge('straight into the AI lane', { lane: 'ai' })).toMatch(/AI lane/);
    expect(
      await forge('an "adopted" AI idea from a request that never ran', { lane: 'canvas', adoptedBy: s.participant.participantId }),
    ).toMatch(/adopted AI idea/);
    // An ordinary note sent after them arrives, so the forged ones had their chance to arrive first.
    const mine = board(pat);
    await waitSynced(mine);
    addNote(mine, 'a real note');
    await waitFor(() => readIdeas(watcher.doc).some((i) => i.text === 'a real note'), 'the real note');
    expect(readIdeas(watcher.doc).map((i) => i.text)).toEqual(['a real note']);
  });
});

describe('cluster suggestions', () => {
  it('suggest moves nothing; accepting creates the cluster and moves its ideas', async () => {
    const { board, cmd, pat } = await setup();
    const mine = board(pat);
    await waitSynced(mine);
    const texts = [
      'Run a pilot with three IT leads',
      'Free pilot programme for IT teams',
      'Pilots: offer a 30 day pilot',
      'Governance checklist download',
      'Publish our governance checklist openly',
      'Sponsor a jazz festival',
    ];
    for (const t of texts) addNote(mine, t);
    await waitFor(() => readIdeas(mine.doc).length === texts.length, 'notes');
    await new Promise((r) => setTimeout(r, 100));
    const before = JSON.stringify(readIdeas(mine.doc).map((i) => [i.id, i.x, i.y, i.clusterId]));

    const r = await cmd(pat, { type: 'suggestClusters' });
    expect(r.status).toBe(200);
    const suggestions = r.body.suggestions as { title: string; ideaIds: string[] }[];
    const pilot = suggestions.find((g) => /pilot/i.test(g.title));
    expect(pilot?.ideaIds).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(JSON.stringify(readIdeas(mine.doc).map((i) => [i.id, i.x, i.y, i.clusterId]))).toBe(before);
    expect(readClusters(mine.doc)).toHaveLength(0);

    const accepted = await cmd(pat, { type: 'acceptClusterSuggestion', title: 'Pilots', ideaIds: pilot?.ideaIds });
    expect(accepted.status).toBe(200);
    const clusterId = accepted.body.clusterId as string;
    await waitFor(() => readIdeas(mine.doc).filter((i) => i.clusterId === clusterId).length === 3, 'clustered');
    const cluster = readClusters(mine.doc).find((c) => c.id === clusterId);
    expect(cluster?.title).toBe('Pilots');
    for (const i of readIdeas(mine.doc).filter((i) => i.clusterId === clusterId)) {
      expect(i.x).toBeGreaterThanOrEqual(cluster?.x ?? Infinity);
      expect(i.y).toBeGreaterThanOrEqual(cluster?.y ?? Infinity);
    }
  });
});
