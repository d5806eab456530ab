import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { personIdea } from '../model/idea.ts';
import type { IdeaId } from '../model/ids.ts';
import { insertIdea, patchIdea } from '../ydoc/boardDoc.ts';
import { UpdateView } from '../ydoc/updateView.ts';
import { checkWritableRoots } from './writableRoots.ts';

const BOARD = new Set(['ideas', 'clusters', 'reactions']);
const note = (id: string) => personIdea({ id: id as IdeaId, text: 'idea', x: 0, y: 0, author: { id: 'p_ana', name: 'Ana' }, createdAt: 1 });

/** A server doc with a note and a schema version, and a client in sync with it; `edit` runs on the client. */
function judge(edit: (d: Y.Doc) => void): string | null {
  const server = new Y.Doc();
  insertIdea(server, note('idea:1'));
  server.getMap('meta').set('schemaVersion', 1);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(server);
  edit(client);
  const update = Y.encodeStateAsUpdate(client, before);
  return checkWritableRoots(new UpdateView(server, Y.decodeUpdate(update)), BOARD);
}

describe('checkWritableRoots', () => {
  it('takes notes, their fields and reactions', () => {
    expect(judge((d) => insertIdea(d, note('idea:2')))).toBeNull();
    expect(judge((d) => patchIdea(d, 'idea:1', { text: 'better', x: 40 }))).toBeNull();
    expect(judge((d) => d.getMap('ideas').delete('idea:1'))).toBeNull();
    expect(judge((d) => d.getMap('reactions').set('idea:1|👍|p_ana', true))).toBeNull();
  });

  it('refuses writing or deleting the schema version, and any root no client edits', () => {
    expect(judge((d) => d.getMap('meta').set('schemaVersion', 999))).toMatch(/"meta" is the server's to write/);
    expect(judge((d) => d.getMap('meta').delete('schemaVersion'))).toMatch(/"meta" is the server's to delete from/);
    expect(judge((d) => d.getMap('junk').set('k', 'x'))).toMatch(/"junk"/);
    expect(judge((d) => d.getArray('bench').push([1]))).toMatch(/"bench"/);
  });
});
