import { addComment, readThread, STATUS_RELAY_DEGRADED } from '@throughline/shared';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import type { TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';
import { twoInstances } from '../helpers/twoInstances.ts';

const live = twoInstances();
const peers: Peer[] = [];

afterAll(() => {
  for (const p of peers) p.destroy();
});

const texts = (doc: Y.Doc, key: string) => readThread(doc, key).map((c) => c.text);

describe('concurrent first comments through two instances (decision 1200)', () => {
  // Yjs keeps the array of the higher client id: run it with the thread written through each instance losing.
  it.each([
    { loserOn: 'one', key: 'idea:relay-a' },
    { loserOn: 'two', key: 'idea:relay-b' },
  ])('keeps both when they meet through the relay (the thread written through $loserOn loses)', async ({ loserOn, key }) => {
    const s = await sessionWithPeople(live.one.url);
    const open = (srv: TestServer, token: string, clientID: number) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      const p = connectDoc(srv.wsUrl, s.sessionId, 'comments', token, { doc, ack: true });
      peers.push(p);
      return p;
    };
    const fay = open(live.one, s.facilitatorToken, loserOn === 'one' ? 1 : 2_000_000_000);
    const pat = open(live.two, s.participant.token, 1_000_000);
    await Promise.all([waitSynced(fay), waitSynced(pat)]);

    // The relay is down: each instance accepts its own writer's new thread, unaware of the other's.
    await live.redis.down();
    try {
      await waitFor(() => fay.status === STATUS_RELAY_DEGRADED && pat.status === STATUS_RELAY_DEGRADED, 'relay degraded', 20_000);
      const post = (p: Peer, text: string, at: string) =>
        p.doc.transact(() => addComment(p.doc, key, { ...p.author, text, mentions: [], now: new Date(at) }));
      post(fay, 'Fay first', '2026-12-01T12:00:00Z');
      post(pat, 'Pat first', '2026-12-01T12:00:01Z');
      await waitFor(() => isSaved(fay) && isSaved(pat), 'both saved on their own instance');
      expect(texts(fay.doc, key)).toEqual(['Fay first']);
      expect(texts(pat.doc, key)).toEqual(['Pat first']);
    } finally {
      await live.redis.up();
    }

    // The arrays meet when the instances catch up; the instance whose writer's thread lost moves its comment over.
    const both = (doc: Y.Doc) => texts(doc, key).length === 2;
    await waitFor(() => both(fay.doc) && both(pat.doc), 'both comments on both clients', 30_000);
    await sleep(500);
    expect(texts(fay.doc, key)).toEqual(['Fay first', 'Pat first']);
    expect(texts(pat.doc, key)).toEqual(texts(fay.doc, key));
    expect(new Set(readThread(fay.doc, key).map((c) => c.id)).size).toBe(2);
    expect([...fay.denials, ...pat.denials]).toEqual([]);

    // A third client, on either instance, and the shared database agree.
    const vic = open(loserOn === 'one' ? live.two : live.one, s.viewer.token, 3_000_000);
    await waitFor(() => both(vic.doc), 'a third client');
    expect(texts(vic.doc, key)).toEqual(texts(fay.doc, key));
    await live.one.app.store.whenDurable();
    await live.two.app.store.whenDurable();
    expect(texts(await storedDoc(live.one.app.store, s.sessionId, 'comments'), key)).toEqual(texts(fay.doc, key));
  });

  it('keeps both, once each, when two writers on different instances post at the same moment with the relay up', async () => {
    const s = await sessionWithPeople(live.one.url);
    const key = 'idea:live';
    const fay = connectDoc(live.one.wsUrl, s.sessionId, 'comments', s.facilitatorToken, { ack: true });
    const pat = connectDoc(live.two.wsUrl, s.sessionId, 'comments', s.participant.token, { ack: true });
    peers.push(fay, pat);
    await Promise.all([waitSynced(fay), waitSynced(pat)]);
    await waitFor(() => fay.status === 0 && pat.status === 0, 'relay up');
    for (const [p, text] of [
      [fay, 'Fay now'],
      [pat, 'Pat now'],
    ] as const)
      p.doc.transact(() => addComment(p.doc, key, { ...p.author, text, mentions: [], now: new Date() }));
    const both = (doc: Y.Doc) => texts(doc, key).length === 2;
    await waitFor(() => both(fay.doc) && both(pat.doc), 'both comments on both clients', 20_000);
    await sleep(500);
    expect(texts(fay.doc, key).sort()).toEqual(['Fay now', 'Pat now']);
    expect(texts(pat.doc, key)).toEqual(texts(fay.doc, key));
  });
});
