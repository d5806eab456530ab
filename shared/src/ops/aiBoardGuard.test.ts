import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Idea, personIdea } from '../model/idea.ts';
import type { IdeaId } from '../model/ids.ts';
import { aiRequestsMap, writeAiRequest } from '../ydoc/aiRequests.ts';
import { insertIdea, patchIdea } from '../ydoc/boardDoc.ts';
import { checkClientBoardUpdate } from './aiBoardGuard.ts';

const note = (id: string, over: Partial<Idea> = {}): Idea => ({
  ...personIdea({ id: id as IdeaId, text: 'hello', x: 0, y: 0, author: { id: 'p_pat1', name: 'Pat' }, createdAt: 1 }),
  ...over,
});

const aiNote = (id: string) =>
  note(id, {
    origin: 'ai',
    lane: 'ai',
    authorId: 'ai',
    provenance: { generator: 'offline', model: 'm', lens: 'jobs', promptVersion: 'p', requestId: 'ai_x12345', requestedBy: 'p_pat1' },
  });

/** The server's board with one AI-lane note, and a client that has synced it. */
function setup() {
  const server = new Y.Doc();
  server.transact(() => {
    insertIdea(server, aiNote('idea:ai1'));
    // One AI idea a person already adopted onto the canvas.
    insertIdea(server, { ...aiNote('idea:ai2'), lane: 'canvas', adoptedBy: 'p_pat1' });
    insertIdea(server, note('idea:p1'));
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  /** What the client's change sends to the server. */
  const change = (fn: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    client.transact(() => fn(client));
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, change };
}

describe('checkClientBoardUpdate', () => {
  it('lets ordinary board work through', () => {
    const { server, change } = setup();
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => insertIdea(d, note('idea:new'))),
      ),
    ).toBeNull();
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => patchIdea(d, 'idea:ai1', { text: 'edited', x: 40 })),
      ),
    ).toBeNull();
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => patchIdea(d, 'idea:p1', { text: 'again', color: '#000' })),
      ),
    ).toBeNull();
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => d.getMap('ideas').delete('idea:ai1')),
      ),
    ).toBeNull();
    // Duplicating an adopted AI note keeps its origin on the canvas.
    const dup = { ...aiNote('idea:dup'), lane: 'canvas' as const, adoptedBy: 'p_pat1', text: 'reworded copy' };
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => insertIdea(d, dup)),
      ),
    ).toBeNull();
  });

  it('refuses adopting through sync, relabelling a note, and forged AI-lane notes', () => {
    // A fresh client each time: a refused update is never applied, so the next one starts clean.
    const attempt = (fn: (d: Y.Doc) => void) => {
      const { server, change } = setup();
      return checkClientBoardUpdate(server, change(fn));
    };
    expect(attempt((d) => patchIdea(d, 'idea:ai1', { lane: 'canvas' }))).toMatch(/adoptAiIdea/);
    expect(attempt((d) => patchIdea(d, 'idea:ai1', { adoptedBy: 'p_eve1' }))).toMatch(/adoptedBy/);
    expect(attempt((d) => patchIdea(d, 'idea:p1', { origin: 'ai' }))).toMatch(/origin/);
    expect(attempt((d) => insertIdea(d, aiNote('idea:forged')))).toMatch(/AI lane/);
  });

  it('refuses any write to the AI request status records', () => {
    const { server, change } = setup();
    const rec = {
      requestId: 'ai_forged1',
      status: 'done' as const,
      requestedBy: 'p_pat1',
      requestedByName: 'Pat',
      generator: 'offline',
      model: 'm',
      lens: null,
      requested: 1,
      count: 1,
      rejected: 0,
      error: null,
      startedAt: 'x',
      finishedAt: null,
    };
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => writeAiRequest(d, rec)),
      ),
    ).toMatch(/AI request status/);
    server.transact(() => writeAiRequest(server, rec));
    const { change: change2 } = (() => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      return {
        change: (fn: (d: Y.Doc) => void) => {
          const before = Y.encodeStateVector(client);
          client.transact(() => fn(client));
          return Y.encodeStateAsUpdate(client, before);
        },
      };
    })();
    expect(
      checkClientBoardUpdate(
        server,
        change2((d) => aiRequestsMap(d).set('ai_forged1', { ...rec, count: 99 })),
      ),
    ).toMatch(/AI request status/);
  });
});

describe('checkClientBoardUpdate on notes a client creates', () => {
  const attempt = (fn: (d: Y.Doc) => void) => {
    const { server, change } = setup();
    return checkClientBoardUpdate(server, change(fn));
  };
  const provenance = aiNote('x').provenance as NonNullable<Idea['provenance']>;
  /** A would-be copy of the adopted `idea:ai2`, as the client's duplicate makes one. */
  const copy = (over: Partial<Idea> = {}) => ({ ...aiNote('idea:copy'), lane: 'canvas' as const, adoptedBy: 'p_pat1', ...over });

  it('refuses an AI idea whose provenance no adopted AI idea on the board has', () => {
    expect(attempt((d) => insertIdea(d, copy({ provenance: { ...provenance, requestId: 'ai_madeup1' } })))).toMatch(/adopted AI idea/);
    expect(attempt((d) => insertIdea(d, copy({ provenance: { ...provenance, model: 'gpt-9' } })))).toMatch(/adopted AI idea/);
    expect(attempt((d) => insertIdea(d, copy({ provenance: null })))).toMatch(/adopted AI idea/);
  });

  it('refuses an AI idea on the canvas that nobody adopted, or that names its own adopter', () => {
    expect(attempt((d) => insertIdea(d, copy({ adoptedBy: null })))).toMatch(/adoptAiIdea/);
    // The adopted idea was adopted by Pat: a copy cannot say Eve did.
    expect(attempt((d) => insertIdea(d, copy({ adoptedBy: 'p_eve1' })))).toMatch(/adopted AI idea/);
  });

  it('refuses copying an idea out of the AI lane past adoption', () => {
    const { server, change } = setup();
    server.transact(() => server.getMap('ideas').delete('idea:ai2'));
    // idea:ai1 sits unadopted in the AI lane; its copy on the canvas would skip adoptAiIdea.
    expect(
      checkClientBoardUpdate(
        server,
        change((d) => insertIdea(d, copy({ text: 'lifted from the lane' }))),
      ),
    ).toMatch(/adopted AI idea/);
  });

  it("refuses a person's note that carries AI provenance or an adoption", () => {
    expect(attempt((d) => insertIdea(d, note('idea:n1', { provenance })))).toMatch(/person's note/);
    expect(attempt((d) => insertIdea(d, note('idea:n2', { adoptedBy: 'p_pat1' })))).toMatch(/person's note/);
  });

  it('reads fields the way the map does: another Yjs encoding is refused, not looked past', () => {
    const { server, change } = setup();
    const update = change((d) => {
      insertIdea(d, copy({ id: 'idea:json' as IdeaId, provenance: { ...provenance, requestId: 'ai_invented' }, adoptedBy: 'p_eve1' }));
      // Re-encode the claim as JSON content, which Y.Map reads back just the same.
      const m = d.getMap<Y.Map<unknown>>('ideas').get('idea:json') as unknown as { _map: Map<string, { content: unknown }> };
      for (const k of ['origin', 'provenance', 'adoptedBy']) {
        const item = m._map.get(k) as { content: { arr: unknown[] } };
        item.content = new Y.ContentJSON([item.content.arr[0]]);
      }
    });
    expect(checkClientBoardUpdate(server, update)).toMatch(/plain value/);
  });
});

describe('checkClientBoardUpdate when a client undoes its own deletion', () => {
  /** The server's board with a recorded request, and a client whose undo manager tracks its own edits. */
  function withUndo() {
    const { server } = setup();
    const prov = aiNote('x').provenance as NonNullable<Idea['provenance']>;
    server.transact(() =>
      writeAiRequest(server, {
        requestId: prov.requestId,
        status: 'done',
        requestedBy: 'p_pat1',
        requestedByName: 'Pat',
        generator: prov.generator,
        model: prov.model,
        lens: null,
        requested: 2,
        count: 2,
        rejected: 0,
        error: null,
        startedAt: 'x',
        finishedAt: 'y',
      }),
    );
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const undo = new Y.UndoManager(client.getMap('ideas'), { trackedOrigins: new Set(['user']) });
    /** Applies a client change to the server if the guard lets it through; returns the guard's answer. */
    const send = (fn: () => void) => {
      const before = Y.encodeStateVector(client);
      fn();
      const update = Y.encodeStateAsUpdate(client, before);
      const refusal = checkClientBoardUpdate(server, update);
      if (!refusal) Y.applyUpdate(server, update);
      return refusal;
    };
    return { server, client, undo, send };
  }

  it('lets a dismissed AI-lane idea and a deleted adopted one come back', () => {
    const { client, undo, send } = withUndo();
    expect(send(() => client.transact(() => client.getMap('ideas').delete('idea:ai1'), 'user'))).toBeNull();
    expect(send(() => undo.undo())).toBeNull();
    undo.clear();
    expect(send(() => client.transact(() => client.getMap('ideas').delete('idea:ai2'), 'user'))).toBeNull();
    expect(send(() => undo.undo())).toBeNull();
  });

  it('refuses a note that claims a deleted id with an invented request or a mismatched lane', () => {
    const back = aiNote('idea:ai1');
    // A fresh client each time: a refused note stays in its sender's doc, and the sync layer refuses what builds on it.
    const attempt = (note: Idea) => {
      const { client, send } = withUndo();
      expect(send(() => client.transact(() => client.getMap('ideas').delete('idea:ai1'), 'user'))).toBeNull();
      return send(() => insertIdea(client, note));
    };
    expect(attempt({ ...back, provenance: { ...(back.provenance as NonNullable<Idea['provenance']>), requestId: 'ai_madeup' } })).toMatch(
      /AI lane/,
    );
    expect(attempt({ ...back, adoptedBy: 'p_eve1' })).toMatch(/unadopted/);
    expect(attempt({ ...back, lane: 'canvas' })).toMatch(/unadopted/);
  });
});

describe('checkClientBoardUpdate on deletions', () => {
  it('refuses deleting a server-owned field but allows deleting the whole note', () => {
    const { server, change } = setup();
    const dropLane = change((d) => d.getMap<Y.Map<unknown>>('ideas').get('idea:ai1')?.delete('lane'));
    expect(checkClientBoardUpdate(server, dropLane)).toMatch(/lane/);
    const { server: s2, change: c2 } = setup();
    expect(
      checkClientBoardUpdate(
        s2,
        c2((d) => d.getMap('ideas').delete('idea:ai1')),
      ),
    ).toBeNull();
  });

  it('refuses deleting a status record', () => {
    const { server } = setup();
    server.transact(() =>
      writeAiRequest(server, {
        requestId: 'ai_rec1234',
        status: 'running',
        requestedBy: 'p_pat1',
        requestedByName: 'Pat',
        generator: 'offline',
        model: 'm',
        lens: null,
        requested: 1,
        count: 0,
        rejected: 0,
        error: null,
        startedAt: 'x',
        finishedAt: null,
      }),
    );
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    aiRequestsMap(client).delete('ai_rec1234');
    expect(checkClientBoardUpdate(server, Y.encodeStateAsUpdate(client, before))).toMatch(/AI request status/);
  });

  it('sees a deletion whose range starts in a garbage-collected run of the same client', () => {
    const server = new Y.Doc();
    server.transact(() => insertIdea(server, aiNote('idea:ai1')));
    const gcStart = Y.getState(server.store, server.clientID);
    // A note deleted at once: its fields become a garbage-collected run of this client's clocks.
    server.transact(() => insertIdea(server, note('idea:gone')));
    server.transact(() => server.getMap('ideas').delete('idea:gone'));
    // Then the AI note's lane is written again, after that run.
    server.transact(() => (server.getMap('ideas').get('idea:ai1') as Y.Map<unknown>).set('lane', 'ai'));
    const end = Y.getState(server.store, server.clientID);
    // Crafted: no structs, one delete range from inside the run over the new lane.
    const e = encoding.createEncoder();
    for (const n of [0, 1, server.clientID, 1, gcStart + 1, end - gcStart - 1]) encoding.writeVarUint(e, n);
    expect(checkClientBoardUpdate(server, encoding.toUint8Array(e))).toMatch(/"lane" of an existing note/);
  });
});
