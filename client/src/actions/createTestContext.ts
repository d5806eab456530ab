import { clustersMap, ideasMap, Origins } from '@throughline/shared';
import * as Y from 'yjs';
import type { Viewport } from '../board/viewport.ts';
import { BoardStore } from '../state/BoardStore.ts';
import { createStore } from '../state/createStore.ts';
import { createEditorUi } from '../state/editorUi.ts';
import type { ActionContext } from './types.ts';

/**
 * A real Y.Doc, store and undo manager wired as the board wires them, with
 * a synchronous scheduler so tests read the store right after acting.
 * For tests only.
 */
export function createTestContext(opts: { canWrite?: boolean; participantId?: string; doc?: Y.Doc } = {}) {
  const doc = opts.doc ?? new Y.Doc();
  const store = new BoardStore(doc, (fn) => fn());
  const undoManager = new Y.UndoManager([ideasMap(doc), clustersMap(doc)], {
    trackedOrigins: new Set([Origins.user]),
  });
  let writable = opts.canWrite ?? true;
  let clock = 1_000;
  const ctx: ActionContext = {
    doc,
    store,
    ui: createEditorUi(),
    viewport: createStore<Viewport>({ x: 0, y: 0, scale: 1 }),
    viewSize: () => ({ width: 1000, height: 800 }),
    undoManager,
    me: { participantId: opts.participantId ?? 'p_alice', name: 'Alice' },
    canWrite: () => writable,
    now: () => clock++,
  };
  return {
    ctx,
    setWritable: (w: boolean) => {
      writable = w;
    },
  };
}
