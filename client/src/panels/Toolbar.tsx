import { NOTE_COLORS } from '@throughline/shared';
import { useSyncExternalStore } from 'react';
import { createCluster } from '../actions/clusterActions.ts';
import { redo, undo } from '../actions/historyActions.ts';
import { createNote, deleteSelection, duplicateSelection, setNoteColor } from '../actions/noteActions.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { useStoreValue } from '../state/useStore.ts';

const COLOR_NAMES = ['Yellow', 'Green', 'Blue', 'Pink', 'Violet', 'Orange'];

function useUndoState(editor: BoardEditor) {
  const um = editor.undoManager;
  return useSyncExternalStore(
    (l) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const ev of events) um.on(ev, l);
      return () => {
        for (const ev of events) um.off(ev, l);
      };
    },
    () => (um.canUndo() ? 1 : 0) | (um.canRedo() ? 2 : 0),
  );
}

/** The floating toolbar: the same actions as the keys, for people who do not know the keys. */
export function Toolbar({ editor, canWrite }: { editor: BoardEditor; canWrite: boolean }) {
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  const noteColor = useStoreValue(editor.ui, (s) => s.noteColor);
  const undoState = useUndoState(editor);
  if (!canWrite) return null;
  const hasSelection = selection.size > 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools">
      <button type="button" className="btn btn-primary" onClick={() => editor.run(createNote, undefined)} title="New note (N)">
        + Note
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => editor.run(createCluster, undefined)}
        title="New cluster (F); wraps selected notes"
      >
        Cluster
      </button>
      <span className="sep" />
      {NOTE_COLORS.map((c, i) => (
        <button
          key={c}
          type="button"
          className="swatch"
          style={{ background: c }}
          aria-label={`${COLOR_NAMES[i] ?? 'Colour'}${hasSelection ? ' for selected notes' : ' for new notes'} (${i + 1})`}
          aria-pressed={noteColor === c}
          onClick={() => editor.run(setNoteColor, { color: c })}
        />
      ))}
      <span className="sep" />
      <button
        type="button"
        className="btn"
        disabled={!hasSelection}
        onClick={() => editor.run(duplicateSelection, undefined)}
        title="Duplicate (Ctrl+D)"
      >
        Duplicate
      </button>
      <button
        type="button"
        className="btn"
        disabled={!hasSelection}
        onClick={() => editor.run(deleteSelection, undefined)}
        title="Delete (Del)"
      >
        Delete
      </button>
      <span className="sep" />
      <button
        type="button"
        className="btn btn-ghost"
        disabled={!(undoState & 1)}
        onClick={() => editor.run(undo, undefined)}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
      >
        ↶
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        disabled={!(undoState & 2)}
        onClick={() => editor.run(redo, undefined)}
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
      >
        ↷
      </button>
    </div>
  );
}
