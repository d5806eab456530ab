import { patchStore, type Store } from './createStore.ts';
import type { EditorUi } from './editorUi.ts';

/** Opens a comment thread: a note's in the comments panel (the note selected), a step's under that step in the plan. */
export function showThread(ui: Store<EditorUi>, key: string): void {
  if (key.startsWith('step:')) patchStore(ui, { sidebarTab: 'plan', stepThread: key });
  else patchStore(ui, { selection: new Set([key]), sidebarTab: 'comments' });
}
