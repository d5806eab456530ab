import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/SqliteStore.ts';
import { SYNC_STEP2 } from './messages.ts';
import { Room } from './Room.ts';

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
