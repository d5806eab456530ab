import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropPending, updateChangesDoc, updateHasGap } from './updateGuard.ts';

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('updateGuard', () => {
  it('sees new structs and new deletes, and not repeats', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('m').set('a', 1);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client))).toBe(true);
    sync(client, server);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client))).toBe(false);
    client.getMap('m').delete('a');
    const deleteOnly = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(updateChangesDoc(server, deleteOnly)).toBe(true);
    sync(client, server);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('detects an update that skips ahead, and drops pending state', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('m').set('a', 1);
    const first = Y.encodeStateAsUpdate(client);
    client.getMap('m').set('b', 2);
    const second = Y.encodeStateAsUpdate(client, Y.encodeStateVectorFromUpdate(first));
    expect(updateHasGap(server, Y.decodeUpdate(second))).toBe(true);
    expect(updateHasGap(server, Y.decodeUpdate(first))).toBe(false);
    Y.applyUpdate(server, second);
    expect(dropPending(server)).toBe(true);
    expect(dropPending(server)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(server.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });
});
