import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateView } from './updateView.ts';

/** A server doc and a client synced with it; `change` is what the client then sends. */
function setup() {
  const server = new Y.Doc();
  const note = new Y.Map<unknown>();
  server.getMap('ideas').set('n1', note);
  note.set('text', 'hello');
  note.set('x', 1);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('UpdateView', () => {
  it('indexes only the items the doc lacks, and places each in its root, record and key', () => {
    const { server, client } = setup();
    const before = Y.encodeStateVector(server);
    const n1 = client.getMap('ideas').get('n1') as Y.Map<unknown>;
    client.transact(() => {
      n1.set('x', 2);
      n1.set('x', 3);
      const n2 = new Y.Map<unknown>();
      client.getMap('ideas').set('n2', n2);
      n2.set('text', 'new');
    });
    // A resend: the whole client state, so the server's own items come back too.
    const view = new UpdateView(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client)));
    expect(view.items.every((i) => i.id.client === client.clientID)).toBe(true);
    expect(view.items).toHaveLength(4);
    const places = view.items.map((i) => view.placeOf(i));
    const n1Id = (server.getMap('ideas') as unknown as { _map: Map<string, Y.Item> })._map.get('n1')?.id;
    // The second write to `x` names only its neighbour: placed through the first, which names the note.
    expect(places[0]).toEqual({ root: null, parentId: n1Id, key: 'x' });
    expect(places[1]).toEqual({ root: null, parentId: n1Id, key: 'x' });
    expect(places[2]).toMatchObject({ root: 'ideas', parentId: null, key: 'n2' });
    expect(places[3]).toMatchObject({ root: null, key: 'text' });
    expect(view.placeOfId((places[3] as { parentId: Y.ID }).parentId)).toMatchObject({ root: 'ideas', key: 'n2' });
    expect(Y.encodeStateVector(server)).toEqual(before);
  });

  it('lists what the delete set newly deletes, not what the doc already deleted', () => {
    const { server, client } = setup();
    const n1 = client.getMap('ideas').get('n1') as Y.Map<unknown>;
    const sv = Y.encodeStateVector(server);
    n1.delete('x');
    const update = Y.encodeStateAsUpdate(client, sv);
    const deleted = new UpdateView(server, Y.decodeUpdate(update)).newlyDeleted();
    expect(deleted.map((i) => i.parentSub)).toEqual(['x']);
    Y.applyUpdate(server, update);
    expect(new UpdateView(server, Y.decodeUpdate(update)).newlyDeleted()).toEqual([]);
  });

  it('says when a delete set covers more of the doc than the walk may visit, instead of passing it on partly checked', () => {
    const { server, client } = setup();
    server.transact(() => {
      for (let i = 0; i < 50; i++) server.getMap('ideas').set(`m${i}`, i);
    });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(server);
    client.transact(() => {
      for (let i = 0; i < 50; i++) client.getMap('ideas').delete(`m${i}`);
    });
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client, sv));
    const whole = new UpdateView(server, decoded);
    expect(whole.newlyDeleted()).toHaveLength(50);
    expect(whole.deletesBeyondCheck).toBe(false);
    const bounded = new UpdateView(server, decoded, 10);
    expect(bounded.deletesBeyondCheck).toBe(true);
    expect(bounded.newlyDeleted().length).toBeLessThan(50);
  });
});
