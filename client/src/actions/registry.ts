import { createCluster } from './clusterActions.ts';
import { redo, undo } from './historyActions.ts';
import { createNote, deleteSelection, duplicateSelection, editSelected, nudgeSelection, setNoteColor } from './noteActions.ts';
import type { Action } from './types.ts';
import { dismiss, selectAll, toggleHelp, toggleListView } from './uiActions.ts';
import { zoomIn, zoomOut, zoomReset, zoomToFit } from './viewActions.ts';

/**
 * Every action with a key binding, in the order keys are matched (and the
 * help overlay lists them). Modifier bindings come before bare keys so
 * Ctrl+D never falls through to a bare-key action.
 */
export const KEYED_ACTIONS: readonly Action<unknown>[] = [
  undo,
  redo,
  duplicateSelection,
  selectAll,
  createNote,
  createCluster,
  editSelected,
  setNoteColor,
  nudgeSelection,
  deleteSelection,
  zoomIn,
  zoomOut,
  zoomToFit,
  zoomReset,
  toggleListView,
  toggleHelp,
  dismiss,
];

/** Pointer gestures, listed in the help overlay beside the keyed actions. */
export const GESTURES: readonly { label: string; how: string }[] = [
  { label: 'New note', how: 'Double-click empty space (touch: press and hold)' },
  { label: 'Edit a note', how: 'Double-click it' },
  { label: 'Rename a cluster', how: 'Double-click its title' },
  { label: 'Pan', how: 'Drag empty space, Space+drag, or scroll with a trackpad' },
  { label: 'Zoom', how: 'Mouse wheel, two-finger pinch, or Ctrl+scroll' },
  { label: 'Select several', how: 'Shift+drag a box around them, or Shift+click' },
  { label: 'Move into a cluster', how: 'Drop notes inside its frame' },
  { label: 'Resize a cluster', how: 'Drag its bottom-right corner' },
];
