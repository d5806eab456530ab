import { clustersMap, ideasMap, Origins } from '@throughline/shared';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CAPTURE_MS } from '../actions/historyActions.ts';
import { runAction } from '../actions/runAction.ts';
import type { Action, ActionContext } from '../actions/types.ts';
import { DEFAULT_VIEWPORT, type Size, type Viewport } from '../board/viewport.ts';
import { PresenceStore } from '../sync/PresenceStore.ts';
import { BoardStore } from './BoardStore.ts';
import { createStore, patchStore, type Store } from './createStore.ts';
import { createEditorUi, type EditorUi } from './editorUi.ts';

/**
 * Everything one person's board needs besides the network: the read model,
 * presence, view state, undo history, and the context actions run in.
 * Components get it from `BoardWorkspace` and call `run(action, arg)`.
 */
export class BoardEditor {
  readonly store: BoardStore;
  readonly presence: PresenceStore;
  // On a narrow screen the board gets the room: brief and sidebar start collapsed.
  readonly ui: Store<EditorUi> = createEditorUi(
    typeof window !== 'undefined' && window.innerWidth < 900 ? { briefOpen: false, sidebarTab: null } : {},
  );
  readonly viewport: Store<Viewport>;
  readonly undoManager: Y.UndoManager;
  readonly ctx: ActionContext;
  private size: Size = { width: 1, height: 1 };
  private writable = false;
  private readonly unsubscribe: () => void;

  /**
   * `over`: the board editor this one stands in for on the same screen
   * (private brainwriting edits the drafts doc); it shares that editor's
   * camera and screen size, so switching keeps the view.
   */
  constructor(
    doc: Y.Doc,
    awareness: Awareness,
    me: { participantId: string; name: string },
    private readonly over?: BoardEditor,
  ) {
    this.viewport = over?.viewport ?? createStore<Viewport>(DEFAULT_VIEWPORT);
    this.store = new BoardStore(doc);
    this.presence = new PresenceStore(awareness);
    this.undoManager = new Y.UndoManager([ideasMap(doc), clustersMap(doc)], {
      trackedOrigins: new Set([Origins.user]),
      captureTimeout: CAPTURE_MS,
    });
    this.ctx = {
      doc,
      store: this.store,
      ui: this.ui,
      viewport: this.viewport,
      viewSize: () => this.viewSize,
      undoManager: this.undoManager,
      me,
      canWrite: () => this.writable,
      now: () => Date.now(),
    };
    let last = this.ui.get();
    this.unsubscribe = this.ui.subscribe(() => {
      const next = this.ui.get();
      if (next.selection !== last.selection) this.presence.setSelection([...next.selection]);
      if (next.editingId !== last.editingId) this.presence.setEditing(next.editingId);
      last = next;
    });
  }

  run<A>(action: Action<A>, arg: A): boolean {
    return runAction(this.ctx, action, arg);
  }

  get viewSize(): Size {
    return this.over?.viewSize ?? this.size;
  }

  setViewSize(size: Size): void {
    this.size = size;
    this.over?.setViewSize(size);
  }

  get canWrite(): boolean {
    return this.writable;
  }

  /** Going read-only (viewer, frozen phase) closes any open editor: its keystrokes would be refused. */
  setWritable(writable: boolean): void {
    this.writable = writable;
    if (!writable) patchStore(this.ui, { editingId: null, renamingId: null });
  }

  destroy(): void {
    this.unsubscribe();
    this.undoManager.destroy();
    this.presence.destroy();
    this.store.destroy();
  }
}
