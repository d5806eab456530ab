import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/SqliteStore.ts';
import { SYNC_STEP2 } from './messages.ts';
import { Room } from './Room.ts';
import { dropPending } from './updateGuard.ts';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-room-'));
  dirs.push(dir);
  const s = new SqliteStore({ dataDir: dir });
  stores.push(s);
  return s;
}

const room = (s: SqliteStore) =>
  new Room('ses_room', 'board', s, { compactEvery: 500, ackIntervalMs: 100, relay: null, onError: () => {} });

/** What a client that held nothing would have after applying the step-2 frame. */
function joined(frame: Uint8Array): Y.Doc {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  expect(decoding.readVarUint(d)).toBe(SYNC_STEP2);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  return doc;
}

describe('Room.syncStep2For', () => {
  it('gives a fresh join the whole doc, straight from the stored snapshot after a load, and the latest doc after a change', async () => {
    const s = store();
    const first = room(s);
    await first.load();
    first.doc.getMap('m').set('a', 1);
    await first.compact();
    await s.whenDurable();
    first.destroy();

    const loaded = room(s);
    await loaded.load();
    const empty = Y.encodeStateVector(new Y.Doc());
    const a = loaded.syncStep2For(empty);
    expect(joined(a).getMap('m').toJSON()).toEqual({ a: 1 });
    // Shared by every fresh join until the doc changes.
    expect(loaded.syncStep2For(empty)).toBe(a);

    loaded.doc.getMap('m').set('b', 2);
    const b = loaded.syncStep2For(empty);
    expect(b).not.toBe(a);
    expect(joined(b).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });

    // A client that holds part of the doc gets only what it lacks.
    const partial = joined(a);
    const rest = loaded.syncStep2For(Y.encodeStateVector(partial));
    const d = decoding.createDecoder(rest);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    Y.applyUpdate(partial, decoding.readVarUint8Array(d));
    expect(partial.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    await s.whenDurable();
    loaded.destroy();
  });
});

/** A peer that keeps the updates it is sent. */
function peer() {
  const got: Uint8Array[] = [];
  return {
    got,
    writesReceived: 0,
    wantsAck: false,
    ackDue: false,
    send(frame: Uint8Array) {
      const d = decoding.createDecoder(frame);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      got.push(decoding.readVarUint8Array(d));
    },
  };
}

/** The doc the store would load now. */
async function reloaded(s: SqliteStore): Promise<Y.Doc> {
  await s.whenDurable();
  const stored = await s.loadDoc('ses_room', 'board');
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('Room.applyFromPeer', () => {
  it('stores and relays a new live update as sent, not to its sender', async () => {
    const s = store();
    const r = room(s);
    await r.load();
    const [sender, other] = [peer(), peer()];
    r.peers.add(sender).add(other);
    const client = new Y.Doc();
    client.getMap('m').set('a', 'x'.repeat(1000));
    const update = Y.encodeStateAsUpdate(client);
    r.applyFromPeer(update, sender, true);
    expect(other.got).toEqual([update]);
    expect(sender.got).toEqual([]);
    expect((await reloaded(s)).getMap('m').toJSON()).toEqual({ a: 'x'.repeat(1000) });
    r.destroy();
  });

  it('falls back to what the doc took when part of the update waits on a missing change, and when observers write', async () => {
    const s = store();
    const r = room(s);
    await r.load();
    const [sender, other] = [peer(), peer()];
    r.peers.add(sender).add(other);
    // The client's second change builds on a first the room never got: only its own new key applies now.
    const client = new Y.Doc();
    const text = client.getText('t');
    text.insert(0, 'ab');
    const sv = Y.encodeStateVector(client);
    text.insert(1, 'X');
    const other2 = new Y.Doc();
    other2.getMap('m').set('k', 1);
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(client, sv), Y.encodeStateAsUpdate(other2)]);
    r.applyFromPeer(update, sender, true);
    expect(r.doc.getMap('m').toJSON()).toEqual({ k: 1 });
    // Relayed as the doc has it (to the sender too), not with the change it cannot place yet.
    expect(other.got).toHaveLength(1);
    expect(sender.got).toHaveLength(1);
    const relayed = new Y.Doc();
    Y.applyUpdate(relayed, other.got[0] as Uint8Array);
    expect(relayed.getMap('m').toJSON()).toEqual({ k: 1 });
    expect((relayed.store as unknown as { pendingStructs: unknown }).pendingStructs).toBeNull();
    // As the connection does: what waits is dropped and the client asked to resend it.
    expect(dropPending(r.doc)).toBe(true);

    // An observer that writes in answer: both changes are stored.
    r.doc.getMap('m').observe((e) => {
      if (e.keysChanged.has('ping')) r.doc.getMap('m').set('pong', true);
    });
    const pinger = new Y.Doc();
    pinger.getMap('m').set('ping', true);
    r.applyFromPeer(Y.encodeStateAsUpdate(pinger), sender, true);
    expect((await reloaded(s)).getMap('m').toJSON()).toEqual({ k: 1, ping: true, pong: true });
    expect(other.got).toHaveLength(2);
    r.destroy();
  });
});
