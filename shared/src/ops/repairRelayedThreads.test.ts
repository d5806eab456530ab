import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, readThread } from '../ydoc/commentsDoc.ts';
import { Origins } from '../ydoc/origins.ts';
import { checkClientCommentsUpdate, restoreOrphanedComments } from './commentsGuard.ts';
import { repairRelayedThreads } from './repairRelayedThreads.ts';

/** Two server instances' copies of one comments doc, each with one client writing through it. */
function twoInstances() {
  const client = { source: 'client' };
  const origins = { fromClient: (o: unknown) => o === client, relayed: (o: unknown) => o === Origins.remote };
  const instance = () => {
    const doc = new Y.Doc();
    repairRelayedThreads(doc, origins);
    return doc;
  };
  const one = instance();
  const two = instance();
  /** A client's first comment on `key`, applied by its instance as a client update. */
  const post = (to: Y.Doc, clientID: number, author: string, key: string, at: string) => {
    const d = new Y.Doc();
    d.clientID = clientID;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(to));
    d.transact(() =>
      addComment(d, key, {
        authorId: `p_${author.toLowerCase().padEnd(6, '0')}`,
        authorName: author,
        text: `${author} first`,
        mentions: [],
        now: new Date(at),
      }),
    );
    Y.applyUpdate(to, Y.encodeStateAsUpdate(d, Y.encodeStateVector(to)), client);
  };
  /** The relay: each instance applies what the other has (repairs included) until nothing is left to send. */
  const relay = () => {
    for (let round = 0; round < 4; round++) {
      const toTwo = Y.encodeStateAsUpdate(one, Y.encodeStateVector(two));
      const toOne = Y.encodeStateAsUpdate(two, Y.encodeStateVector(one));
      Y.applyUpdate(two, toTwo, Origins.remote);
      Y.applyUpdate(one, toOne, Origins.remote);
    }
  };
  return { one, two, post, relay };
}

describe('repairRelayedThreads', () => {
  it.each([
    [10, 20],
    [20, 10],
  ])('keeps both first comments written through different instances, once each (client ids %i and %i)', (a, b) => {
    const { one, two, post, relay } = twoInstances();
    post(one, a, 'Ana', 'idea:n', '2026-12-01T12:00:00Z');
    post(two, b, 'Bo', 'idea:n', '2026-12-01T12:00:01Z');
    relay();
    const texts = (d: Y.Doc) => readThread(d, 'idea:n').map((c) => c.text);
    expect(texts(one)).toEqual(['Ana first', 'Bo first']);
    expect(texts(two)).toEqual(texts(one));
  });

  it('leaves an instance that only relays (no client wrote through it) alone', () => {
    const { one, two, post, relay } = twoInstances();
    const three = new Y.Doc();
    let writes = 0;
    three.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== Origins.remote) writes++;
    });
    repairRelayedThreads(three, { fromClient: () => false, relayed: (o) => o === Origins.remote });
    post(one, 10, 'Ana', 'idea:n', '2026-12-01T12:00:00Z');
    post(two, 20, 'Bo', 'idea:n', '2026-12-01T12:00:01Z');
    // The third instance hears Ana's thread first, then Bo's displaces it.
    Y.applyUpdate(three, Y.encodeStateAsUpdate(one), Origins.remote);
    Y.applyUpdate(three, Y.encodeStateAsUpdate(two), Origins.remote);
    relay();
    Y.applyUpdate(three, Y.encodeStateAsUpdate(one), Origins.remote);
    expect(writes).toBe(0);
    expect(readThread(three, 'idea:n').map((c) => c.text)).toEqual(['Ana first', 'Bo first']);
  });

  it('keeps one copy when the instance that got both arrays repairs as well (its guard) as the owner of the losing one', () => {
    const { one, two, post, relay } = twoInstances();
    // Ana's thread (written through one, losing: the lower client id) reaches two by the relay before Bo's own.
    post(one, 10, 'Ana', 'idea:n', '2026-12-01T12:00:00Z');
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one), Origins.remote);
    const bo = new Y.Doc();
    bo.clientID = 20;
    bo.transact(() =>
      addComment(bo, 'idea:n', {
        authorId: 'p_bo0000',
        authorName: 'Bo',
        text: 'Bo first',
        mentions: [],
        now: new Date('2026-12-01T12:00:01Z'),
      }),
    );
    const update = Y.encodeStateAsUpdate(bo);
    expect(checkClientCommentsUpdate(two, update, { participantId: 'p_bo0000', name: 'Bo', role: 'participant' })).toBeNull();
    Y.applyUpdate(two, update, bo);
    // Two relays Bo's update, then its own repair: one repairs Ana's thread too before that repair arrives.
    Y.applyUpdate(one, update, Origins.remote);
    restoreOrphanedComments(two);
    relay();
    const texts = (d: Y.Doc) => readThread(d, 'idea:n').map((c) => c.text);
    expect(texts(one)).toEqual(['Ana first', 'Bo first']);
    expect(texts(two)).toEqual(texts(one));
  });
});
