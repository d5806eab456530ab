import {
  CloseCode,
  clustersMap,
  controlMap,
  draftIdeasMap,
  ideasMap,
  insertCluster,
  insertIdea,
  MAX_IDEA_TEXT,
  Origins,
  readIdeas,
  readPhase,
} from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { isSaved, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();
const open = t.open;

/** Writes a draft entry with exactly the given fields, the way a (possibly hostile) client could. */
function writeDraftFields(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    draftIdeasMap(doc).set(id, m);
  }, Origins.user);
}

const plainDraft = (text: string) => {
  const { id: _id, ...fields } = sampleIdea({ text });
  return fields;
};

/** A participant's drafts, written on the server directly: the way drafts can exist while the board is frozen. */
async function seedDraftOnServer(sessionId: string, participantId: string, id: string, text: string) {
  await t.server.app.rooms.with(sessionId, [`drafts:${participantId}`], (room) => {
    room.doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(plainDraft(text))) m.set(k, v);
      draftIdeasMap(room.doc).set(id, m);
    }, Origins.command);
  });
}

async function draftCountOnServer(sessionId: string, participantId: string) {
  return t.server.app.rooms.with(sessionId, [`drafts:${participantId}`], (room) => draftIdeasMap(room.doc).size);
}

async function privateSession() {
  const s = await sessionWithPeople(t.server.url);
  expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: true })).status).toBe(200);
  return s;
}

describe('publishing drafts', () => {
  it('never overwrites a board note, and publishes only the note itself under its author', async () => {
    const s = await privateSession();
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    const drafts = open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token, { ack: true });
    await Promise.all([waitSynced(board), waitSynced(drafts)]);

    board.doc.transact(() => {
      insertIdea(board.doc, sampleIdea({ ...board.author, id: 'idea:facil1' as never, text: 'Facilitator idea' }));
      insertCluster(board.doc, {
        id: 'cluster:real' as never,
        title: 'Real',
        x: 0,
        y: 0,
        width: 400,
        height: 300,
        color: '#f1f3f5',
        createdBy: s.participantId,
      });
    }, Origins.user);
    await waitFor(() => isSaved(board), 'board saved');
    const before = JSON.stringify((ideasMap(board.doc).get('idea:facil1') as Y.Map<unknown>).toJSON());

    // Same id as the facilitator's note, dressed up as an adopted AI idea by someone else.
    writeDraftFields(drafts.doc, 'idea:facil1', {
      text: 'HIJACKED',
      x: 5,
      y: 6,
      color: '#d0ebff',
      authorId: 'p_someoneelse',
      authorName: 'Mallory',
      origin: 'ai',
      lane: 'ai',
      clusterId: 'cluster:missing',
      createdAt: 7,
      adoptedBy: 'p_someoneelse',
      editedBy: 'p_someoneelse',
      provenance: { generator: 'offline', model: 'fake', lens: 'x', promptVersion: 'v1', requestId: 'r', requestedBy: 'p' },
      junk: 'not a note field',
    });
    writeDraftFields(drafts.doc, 'not-an-idea-id', plainDraft('odd id'));
    await waitFor(() => isSaved(drafts), 'drafts saved');
    // Text over the model's length no longer passes the wire (the sync guard refuses it); one from
    // before that bound, written here on the server, still publishes clipped.
    await t.server.app.rooms.with(s.sessionId, [`drafts:${s.participant.participantId}`], (room) =>
      writeDraftFields(room.doc, 'idea:clustered', { ...plainDraft('x'.repeat(MAX_IDEA_TEXT + 500)), clusterId: 'cluster:real' }),
    );

    const r = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'publishDrafts' });
    expect(r).toMatchObject({ status: 200, body: { published: 3 } });
    await waitFor(() => ideasMap(board.doc).size === 4, 'drafts on the board');

    // The facilitator's note is untouched.
    expect(JSON.stringify((ideasMap(board.doc).get('idea:facil1') as Y.Map<unknown>).toJSON())).toBe(before);

    const published = readIdeas(board.doc).filter((i) => i.id !== 'idea:facil1');
    const hijack = published.find((i) => i.text === 'HIJACKED');
    expect(hijack).toBeDefined();
    expect(hijack?.id).toMatch(/^idea:/);
    expect(hijack).toMatchObject({
      x: 5,
      y: 6,
      color: '#d0ebff',
      authorId: s.participant.participantId,
      authorName: 'Pat',
      origin: 'person',
      lane: 'canvas',
      clusterId: null,
      createdAt: 7,
      provenance: null,
      adoptedBy: null,
      editedBy: null,
    });
    const raw = (ideasMap(board.doc).get(hijack?.id as string) as Y.Map<unknown>).toJSON();
    expect(Object.keys(raw)).not.toContain('junk');

    const clustered = readIdeas(board.doc).find((i) => i.id === 'idea:clustered');
    expect(clustered?.clusterId).toBe('cluster:real');
    expect(clustered?.text.length).toBe(MAX_IDEA_TEXT);

    const odd = published.find((i) => i.text === 'odd id');
    expect(odd?.id).toMatch(/^idea:[0-9a-z]+$/);
    expect(clustersMap(board.doc).size).toBe(1);
    await waitFor(() => draftIdeasMap(drafts.doc).size === 0, 'drafts emptied');
  });

  it('gives two participants the same draft id two notes', async () => {
    const s = await privateSession();
    const ann = await fetch(`${t.server.url}/api/sessions/${s.sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: s.invites.participant, name: 'Ann' }),
    }).then((res) => res.json() as Promise<{ token: string; participantId: string }>);
    const a = open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token, { ack: true });
    const b = open(t.server.wsUrl, s.sessionId, `drafts:${ann.participantId}`, ann.token, { ack: true });
    await Promise.all([waitSynced(a), waitSynced(b)]);
    writeDraftFields(a.doc, 'idea:same', plainDraft('from Pat'));
    writeDraftFields(b.doc, 'idea:same', plainDraft('from Ann'));
    await waitFor(() => isSaved(a) && isSaved(b), 'drafts saved');
    expect(await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'publishDrafts' })).toMatchObject({
      status: 200,
      body: { published: 2 },
    });
    const ideas = await t.server.app.rooms.with(s.sessionId, ['board'], (room) => readIdeas(room.doc));
    expect(ideas.map((i) => [i.text, i.authorName]).sort()).toEqual([
      ['from Ann', 'Ann'],
      ['from Pat', 'Pat'],
    ]);
  });

  it('skips and clears draft entries that are not notes, so nothing that publishes can be blocked', async () => {
    const s = await privateSession();
    const pid = s.participant.participantId;
    const drafts = open(t.server.wsUrl, s.sessionId, `drafts:${pid}`, s.participant.token, { ack: true });
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await Promise.all([waitSynced(drafts), waitSynced(board)]);

    // An entry that is not a map never gets past the wire (the content bounds): the socket closes with 4413.
    const crafted = open(t.server.wsUrl, s.sessionId, `drafts:${pid}`, s.participant.token, {
      ack: true,
      provider: { shouldReconnect: () => false },
    });
    await waitSynced(crafted);
    crafted.doc.transact(() => draftIdeasMap(crafted.doc).set('idea:crafted' as never, 'not a map' as never), Origins.user);
    await waitFor(() => crafted.closes.length > 0, 'the crafted socket closed');
    expect(crafted.closes[0]?.code).toBe(CloseCode.overBounds);
    crafted.destroy();

    const poison = async (n: number) => {
      // Non-maps stored before the wire refused them, as an older server kept them.
      await t.server.app.rooms.with(s.sessionId, [`drafts:${pid}`], (room) =>
        room.doc.transact(() => {
          draftIdeasMap(room.doc).set(`idea:poison${n}` as never, 'not a map' as never);
          draftIdeasMap(room.doc).set(`idea:arr${n}` as never, new Y.Array() as never);
        }, Origins.command),
      );
      writeDraftFields(drafts.doc, `idea:good${n}`, plainDraft(`good ${n}`));
    };

    // Every way drafts get published: the command, leaving private mode, and leaving explore.
    const rounds = [
      [{ type: 'publishDrafts' }, { published: 1 }],
      [{ type: 'updateSettings', privateMode: false }, { published: 1 }],
      [
        { type: 'setPhase', phase: 'select' },
        { phase: 'select', published: 1 },
      ],
    ] as const;
    for (const [i, [cmd, body]] of rounds.entries()) {
      const n = i + 1;
      await poison(n);
      await waitFor(() => isSaved(drafts), 'saved');
      expect(await command(t.server.url, s.sessionId, s.facilitatorToken, cmd)).toMatchObject({ status: 200, body });
      await waitFor(() => ideasMap(board.doc).has(`idea:good${n}`), 'good draft published');
      await waitFor(() => draftIdeasMap(drafts.doc).size === 0, 'poison cleared');
    }
    expect(drafts.denials).toEqual([]);
    expect(await draftCountOnServer(s.sessionId, pid)).toBe(0);
    expect(ideasMap(board.doc).size).toBe(3);
  });
});

describe('drafts and the frozen board', () => {
  it('leaving explore writes the phase before the drafts reach the board', async () => {
    const s = await privateSession();
    const pid = s.participant.participantId;
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    const control = open(t.server.wsUrl, s.sessionId, 'control', s.participant.token);
    await Promise.all([waitSynced(board), waitSynced(control)]);
    await seedDraftOnServer(s.sessionId, pid, 'idea:mine', 'mine');

    // Watch the server's own documents: what phase does the board's first published note see?
    const phaseWhenPublished: string[] = [];
    await t.server.app.rooms.with(s.sessionId, ['board', 'control'], (b, c) => {
      ideasMap(b.doc).observe(() => phaseWhenPublished.push(readPhase(c.doc).current));
    });
    const r = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    expect(r).toMatchObject({ status: 200, body: { phase: 'select', previous: 'explore', published: 1 } });
    expect(phaseWhenPublished).toEqual(['select']);
    await waitFor(() => ideasMap(board.doc).has('idea:mine'), 'published');
  });

  it('switching private mode off on a frozen board records the setting and holds the drafts back', async () => {
    const s = await privateSession();
    const pid = s.participant.participantId;
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    const control = open(t.server.wsUrl, s.sessionId, 'control', s.facilitatorToken);
    await Promise.all([waitSynced(board), waitSynced(control)]);
    await seedDraftOnServer(s.sessionId, pid, 'idea:late', 'written while frozen');

    const off = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: false });
    expect(off).toMatchObject({ status: 200, body: { published: 0, heldBack: 1 } });
    await waitFor(() => controlMap(control.doc, 'settings').get('privateMode') === false, 'setting recorded');
    const onBoard = await t.server.app.rooms.with(s.sessionId, ['board'], (room) => ideasMap(room.doc).has('idea:late'));
    expect(onBoard).toBe(false);
    expect(await draftCountOnServer(s.sessionId, pid)).toBe(1);

    // publishDrafts is refused on a frozen board too.
    expect(await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'publishDrafts' })).toMatchObject({
      status: 409,
      body: { code: 'TL_ERR_WRONG_PHASE' },
    });

    // Reopening the board with private mode off publishes what was held back.
    const back = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'explore', confirm: true });
    expect(back).toMatchObject({ status: 200, body: { phase: 'explore', published: 1 } });
    await waitFor(() => ideasMap(board.doc).has('idea:late'), 'published once the board reopened');
    expect(await draftCountOnServer(s.sessionId, pid)).toBe(0);
  });
});
