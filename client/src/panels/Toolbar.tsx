import { NOTE_COLORS } from '@throughline/shared';
import { useSyncExternalStore } from 'react';
import { createCluster } from '../actions/clusterActions.ts';
import { redo, undo } from '../actions/historyActions.ts';
import { createNote, deleteSelection, duplicateSelection, setNoteColor } from '../actions/noteActions.ts';
import { useSession } from '../session/SessionProvider.tsx';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { useStoreValue } from '../state/useStore.ts';
import { Icon } from './icons.tsx';

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
export function Toolbar() {
  const { editor, canWrite } = useSession();
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  const noteColor = useStoreValue(editor.ui, (s) => s.noteColor);
  const undoState = useUndoState(editor);
  if (!canWrite) return null;
  const hasSelection = selection.size > 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools" aria-orientation="vertical">
      <button
        type="button"
        className="tool tool-primary"
        onClick={() => editor.run(createNote, undefined)}
        aria-label="New note"
        title="New note (N)"
      >
        <Icon name="note" />
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => editor.run(createCluster, undefined)}
        aria-label="New cluster"
        title="New cluster (F): wraps the selected notes"
      >
        <Icon name="cluster" />
      </button>
      <span className="sep" />
      <div className="swatches">
        {NOTE_COLORS.map((c, i) => (
          <button
            key={c}
            type="button"
            className="swatch"
            style={{ background: c }}
            title={`${COLOR_NAMES[i] ?? 'Colour'} (${i + 1})`}
            aria-label={`${COLOR_NAMES[i] ?? 'Colour'}${hasSelection ? ' for selected notes' : ' for new notes'}`}
            aria-pressed={noteColor === c}
            onClick={() => editor.run(setNoteColor, { color: c })}
          />
        ))}
      </div>
      <span className="sep" />
      <button
        type="button"
        className="tool"
        disabled={!hasSelection}
        onClick={() => editor.run(duplicateSelection, undefined)}
        aria-label="Duplicate"
        title="Duplicate (Ctrl+D)"
      >
        <Icon name="duplicate" />
      </button>
      <button
        type="button"
        className="tool"
        disabled={!hasSelection}
        onClick={() => editor.run(deleteSelection, undefined)}
        aria-label="Delete"
        title="Delete (Del)"
      >
        <Icon name="trash" />
      </button>
      <span className="sep" />
      <button
        type="button"
        className="tool"
        disabled={!(undoState & 1)}
        onClick={() => editor.run(undo, undefined)}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="tool"
        disabled={!(undoState & 2)}
        onClick={() => editor.run(redo, undefined)}
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}
