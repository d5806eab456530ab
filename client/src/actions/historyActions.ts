import { clustersMap, ideasMap } from '@throughline/shared';
import { patchStore } from '../state/createStore.ts';
import { type ActionContext, defineAction, isMod, keyIs } from './types.ts';

/** Y.UndoManager's default: edits closer together than this merge into one undo step. */
export const CAPTURE_MS = 500;

/**
 * Undo and redo reach only this person's own edits (the undo manager tracks
 * `Origins.user` alone): undoing never reverts a teammate's note.
 */
export const undo = defineAction({
  name: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  writes: true,
  keyTest: (e) => isMod(e) && !e.shiftKey && !e.altKey && keyIs(e, 'z'),
  perform(ctx) {
    if (ctx.undoManager.canUndo()) ctx.undoManager.undo();
    dropVanishedSelection(ctx);
  },
});

export const redo = defineAction({
  name: 'redo',
  label: 'Redo',
  shortcut: 'Ctrl+Shift+Z / Ctrl+Y',
  writes: true,
  keyTest: (e) => isMod(e) && !e.altKey && ((e.shiftKey && keyIs(e, 'z')) || (!e.shiftKey && keyIs(e, 'y'))),
  perform(ctx) {
    if (ctx.undoManager.canRedo()) ctx.undoManager.redo();
    dropVanishedSelection(ctx);
  },
});

function dropVanishedSelection(ctx: ActionContext) {
  const ideas = ideasMap(ctx.doc);
  const clusters = clustersMap(ctx.doc);
  const sel = ctx.ui.get().selection;
  const kept = [...sel].filter((id) => ideas.has(id) || clusters.has(id));
  if (kept.length !== sel.size) patchStore(ctx.ui, { selection: new Set(kept), editingId: null });
}

/**
 * A drag writes every frame; bracketing it makes the whole gesture one undo
 * step however long the pointer pauses mid-drag.
 */
export function beginGesture(ctx: ActionContext): void {
  ctx.undoManager.stopCapturing();
  ctx.undoManager.captureTimeout = Number.MAX_SAFE_INTEGER;
}

export function endGesture(ctx: ActionContext): void {
  ctx.undoManager.captureTimeout = CAPTURE_MS;
  ctx.undoManager.stopCapturing();
}
