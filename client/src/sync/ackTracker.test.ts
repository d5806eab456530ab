import { MessageType } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AckTracker, isWriteFrame } from './ackTracker.ts';

const syncFrame = (sub: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

describe('AckTracker', () => {
  it('counts sync step 2 and updates as writes, not step 1 or awareness', () => {
    expect(isWriteFrame(syncFrame(0, new Uint8Array([0])))).toBe(false);
    expect(isWriteFrame(syncFrame(1, new Uint8Array([0, 0])))).toBe(true);
    expect(isWriteFrame(syncFrame(2, new Uint8Array([0, 0])))).toBe(true);
    expect(isWriteFrame(new Uint8Array([MessageType.awareness, 1, 0]))).toBe(false);
    expect(isWriteFrame(new Uint8Array([]))).toBe(false);
  });

  it('is saved only once the server has counted every write and covers the local state', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    t.onSocketOpen();
    expect(t.isSaved(Y.decodeStateVector(Y.encodeStateVector(doc)))).toBe(false); // no ack yet
    doc.getMap('m').set('a', 1);
    t.onFrameSent(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    t.onAck(0, Y.encodeStateVector(new Y.Doc()));
    expect(t.isSaved(local)).toBe(false);
    t.onAck(1, Y.encodeStateVector(doc));
    expect(t.isSaved(local)).toBe(true);
  });

  it('a delete (no state vector change) stays unsaved until its write is acknowledged', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const t = new AckTracker();
    t.onSocketOpen();
    t.onAck(0, Y.encodeStateVector(doc));
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(t.isSaved(sv)).toBe(true);
    doc.getMap('m').delete('a');
    t.onFrameSent(syncFrame(2, new Uint8Array([0, 0])));
    expect(t.isSaved(Y.decodeStateVector(Y.encodeStateVector(doc)))).toBe(false);
    t.onAck(1, Y.encodeStateVector(doc));
    expect(t.isSaved(Y.decodeStateVector(Y.encodeStateVector(doc)))).toBe(true);
  });

  it('edits made offline are unsaved until a reconnect carries them', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    t.onSocketOpen();
    t.onAck(0, Y.encodeStateVector(doc));
    t.onLocalEdit(false);
    expect(t.hasUnsentEdits).toBe(true);
    t.onSocketOpen();
    t.onAck(0, Y.encodeStateVector(doc));
    expect(t.isSaved(new Map())).toBe(false);
    t.onFrameSent(syncFrame(1, new Uint8Array([0, 0])));
    t.onAck(1, Y.encodeStateVector(doc));
    expect(t.isSaved(new Map())).toBe(true);
  });

  it('never reports saved after the server refused an update', () => {
    const t = new AckTracker();
    t.onSocketOpen();
    t.onRefused('the board is frozen during select');
    t.onAck(5, Y.encodeStateVector(new Y.Doc()));
    expect(t.isSaved(new Map())).toBe(false);
    expect(t.refused).toMatch(/frozen/);
  });

  it('forgets a refusal when a new socket opens, and is saved once the resend is acknowledged', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    const t = new AckTracker();
    t.onSocketOpen();
    t.onFrameSent(syncFrame(1, new Uint8Array([0, 0])));
    t.onRefused('"origin" of an existing note changes only through a command');
    t.onAck(0, Y.encodeStateVector(doc));
    expect(t.isSaved(local)).toBe(false);
    t.onSocketOpen();
    expect(t.refused).toBeNull();
    t.onFrameSent(syncFrame(1, Y.encodeStateAsUpdate(doc)));
    expect(t.isSaved(local)).toBe(false);
    t.onAck(1, Y.encodeStateVector(doc));
    expect(t.isSaved(local)).toBe(true);
  });
});
