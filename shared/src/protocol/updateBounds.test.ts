import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate, UPDATE_BOUNDS } from './updateBounds.ts';

/** A doc using every kind of content Yjs encodes, so the scanner's layouts are checked against real encodings. */
function everyKind(): Y.Doc {
  const doc = new Y.Doc();
  const m = doc.getMap<unknown>('ideas');
  const note = new Y.Map<unknown>();
  m.set('n1', note);
  note.set('text', 'héllo 👋');
  note.set('x', 1.5);
  note.set('n', -42);
  note.set('big', 2 ** 40);
  note.set('ok', true);
  note.set('none', null);
  note.set('obj', { a: [1, 'two', { b: false }], c: new Uint8Array([1, 2, 3]) });
  note.set('bytes', new Uint8Array([9, 8]));
  note.set('text', 'overwritten');
  const t = new Y.Text();
  note.set('rich', t);
  t.insert(0, 'abc');
  t.format(0, 2, { bold: true });
  t.insertEmbed(1, { image: 'x' });
  t.delete(2, 1);
  const a = doc.getArray<unknown>('arr');
  a.insert(0, [1, 2, 3, 'x']);
  a.delete(1, 2);
  const xml = doc.getXmlFragment('xml');
  const el = new Y.XmlElement('p');
  xml.insert(0, [el, new Y.XmlText('hi')]);
  el.setAttribute('class', 'c');
  a.insert(0, [new Y.Doc({ guid: 'sub' })]);
  m.delete('gone');
  return doc;
}

const counts = (update: Uint8Array) => {
  const d = Y.decodeUpdate(update);
  let ranges = 0;
  for (const r of d.ds.clients.values()) ranges += r.length;
  return { structs: d.structs.length, deleteRanges: ranges };
};

describe('scanUpdate', () => {
  it('walks every content kind Yjs encodes and counts as Yjs decodes', () => {
    const a = everyKind();
    const b = everyKind();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    a.getMap('ideas').delete('n1');
    for (const update of [Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b), Y.encodeStateAsUpdate(new Y.Doc())]) {
      expect(scanUpdate(update)).toEqual({ ok: true, ...counts(update) });
    }
  });

  it('refuses a header that declares more structs than allowed before reading them', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 10_000_000); // declared, not present
    const scan = scanUpdate(encoding.toUint8Array(e));
    expect(scan).toMatchObject({ ok: false, malformed: false });
  });

  it('refuses too many structs over several clients, and too many delete ranges', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 3);
    for (let c = 0; c < 3; c++) {
      encoding.writeVarUint(e, 20_000);
      encoding.writeVarUint(e, c + 1);
      encoding.writeVarUint(e, 0);
      for (let i = 0; i < 20_000; i++) {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, 1);
      }
    }
    encoding.writeVarUint(e, 0);
    expect(scanUpdate(encoding.toUint8Array(e))).toMatchObject({ ok: false, reason: /structs/ });

    const d = encoding.createEncoder();
    encoding.writeVarUint(d, 0);
    encoding.writeVarUint(d, 1);
    encoding.writeVarUint(d, 99);
    encoding.writeVarUint(d, UPDATE_BOUNDS.maxDeleteRanges + 1);
    expect(scanUpdate(encoding.toUint8Array(d))).toMatchObject({ ok: false, reason: /delete ranges/ });
  });

  it('refuses long strings and deep values, and calls truncated bytes malformed', () => {
    const doc = new Y.Doc();
    doc.getMap('ideas').set('k', 'x'.repeat(UPDATE_BOUNDS.maxStringBytes + 1));
    expect(scanUpdate(Y.encodeStateAsUpdate(doc))).toMatchObject({ ok: false, reason: /longer than/ });

    let deep: unknown = 1;
    for (let i = 0; i < UPDATE_BOUNDS.maxValueDepth + 1; i++) deep = [deep];
    const d2 = new Y.Doc();
    d2.getMap('ideas').set('k', deep);
    expect(scanUpdate(Y.encodeStateAsUpdate(d2))).toMatchObject({ ok: false, reason: /nested/ });

    const ok = Y.encodeStateAsUpdate(everyKind());
    expect(scanUpdate(ok.subarray(0, ok.length - 3))).toMatchObject({ ok: false, malformed: true });
    expect(scanUpdate(new Uint8Array([1, 1, 1, 0, 0x1f]))).toMatchObject({ ok: false, malformed: true });
  });
});
