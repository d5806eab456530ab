import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { personIdea } from '../model/idea.ts';
import { createIdeaId } from '../model/ids.ts';
import { BOARD_MIGRATIONS, ideasMap, insertIdea, patchIdea, readIdea, readIdeas } from './boardDoc.ts';
import { isNewerThanCode, migrateDoc, readSchemaVersion } from './schemaVersion.ts';

const idea = () =>
  personIdea({ id: createIdeaId(), text: 'hello', x: 1, y: 2, color: '#fff', author: { id: 'p_1234', name: 'A' }, createdAt: 1 });

describe('board doc accessors', () => {
  it('round-trips a note', () => {
    const doc = new Y.Doc();
    const i = idea();
    insertIdea(doc, i);
    expect(readIdea(doc, i.id)).toEqual(i);
  });

  it('restores a malformed note with defaults and keeps unknown keys', () => {
    const doc = new Y.Doc();
    const m = new Y.Map<unknown>();
    ideasMap(doc).set('idea:x', m);
    m.set('x', 'not a number');
    m.set('origin', 'robot');
    m.set('futureField', 42);
    const r = readIdea(doc, 'idea:x');
    expect(r).toMatchObject({ x: 0, origin: 'person', lane: 'canvas', text: '' });
    patchIdea(doc, 'idea:x', { text: 'edited' });
    expect(ideasMap(doc).get('idea:x')?.get('futureField')).toBe(42);
  });

  it('merges concurrent edits to different fields of one note', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const i = idea();
    insertIdea(a, i);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    patchIdea(a, i.id, { text: 'from A' });
    patchIdea(b, i.id, { x: 99 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readIdeas(a)).toEqual(readIdeas(b));
    expect(readIdea(a, i.id)).toMatchObject({ text: 'from A', x: 99 });
  });
});

describe('migrations', () => {
  it('stamps a fresh doc with the latest version, once', () => {
    const doc = new Y.Doc();
    expect(migrateDoc(doc, BOARD_MIGRATIONS)).toEqual(['board/1-initial']);
    expect(readSchemaVersion(doc)).toBe(1);
    expect(migrateDoc(doc, BOARD_MIGRATIONS)).toEqual([]);
  });

  it('runs pending steps in order and detects a doc newer than the code', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    const steps = [
      { id: 'b/2', to: 2, up: () => seen.push('2') },
      { id: 'b/1', to: 1, up: () => seen.push('1') },
    ];
    migrateDoc(doc, steps);
    expect(seen).toEqual(['1', '2']);
    doc.getMap('meta').set('schemaVersion', 3);
    expect(isNewerThanCode(doc, steps)).toBe(true);
  });
});
