import { patchStore } from '../state/createStore.ts';
import { EMPTY_SELECTION } from '../state/editorUi.ts';
import { defineAction, isMod, keyIs, noMods } from './types.ts';

export const selectAll = defineAction({
  name: 'selectAll',
  label: 'Select all',
  shortcut: 'Ctrl+A',
  writes: false,
  keyTest: (e) => isMod(e) && !e.shiftKey && keyIs(e, 'a'),
  perform(ctx) {
    const ids = [...ctx.store.canvasIdeas.map((n) => n.id), ...ctx.store.orderedClusters.map((c) => c.id)];
    patchStore(ctx.ui, { selection: new Set(ids), announcement: `${ids.length} selected` });
  },
});

/** Escape peels back one layer: close help, stop editing, then clear the selection. */
export const dismiss = defineAction({
  name: 'dismiss',
  label: 'Deselect / close',
  shortcut: 'Esc',
  writes: false,
  keyTest: (e) => e.key === 'Escape',
  perform(ctx) {
    const ui = ctx.ui.get();
    if (ui.helpOpen) patchStore(ctx.ui, { helpOpen: false });
    else if (ui.editingId || ui.renamingId) patchStore(ctx.ui, { editingId: null, renamingId: null });
    else patchStore(ctx.ui, { selection: EMPTY_SELECTION });
  },
});

export const toggleHelp = defineAction({
  name: 'toggleHelp',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  writes: false,
  keyTest: (e) => !isMod(e) && e.key === '?',
  perform(ctx) {
    patchStore(ctx.ui, { helpOpen: !ctx.ui.get().helpOpen });
  },
});

export const toggleListView = defineAction({
  name: 'toggleListView',
  label: 'Canvas / list view',
  shortcut: 'L',
  writes: false,
  keyTest: (e) => noMods(e) && !e.shiftKey && keyIs(e, 'l'),
  perform(ctx) {
    patchStore(ctx.ui, { view: ctx.ui.get().view === 'canvas' ? 'list' : 'canvas' });
  },
});
