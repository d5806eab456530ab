import { DEFAULT_NOTE_COLOR } from '@throughline/shared';
import { createStore, type Store } from './createStore.ts';

/**
 * This person's view state: never synced, never undone. Selection holds
 * note and cluster ids (they are told apart by prefix).
 */
export interface EditorUi {
  selection: ReadonlySet<string>;
  /** The note whose text this person is editing. */
  editingId: string | null;
  /** The cluster whose title this person is editing. */
  renamingId: string | null;
  /** Colour for new notes: the last one picked, as in Miro. */
  noteColor: string;
  helpOpen: boolean;
  view: 'canvas' | 'list';
  /** Open right-hand sidebar tab, or null when the sidebar is collapsed. */
  sidebarTab: string | null;
  briefOpen: boolean;
  /** The step whose comment thread is open in the plan (one at a time), or null. */
  stepThread: string | null;
  /** A short message for screen readers and the status line ("3 notes deleted"). */
  announcement: string;
}

export const EMPTY_SELECTION: ReadonlySet<string> = new Set();

export const createEditorUi = (initial?: Partial<EditorUi>): Store<EditorUi> =>
  createStore<EditorUi>({
    selection: EMPTY_SELECTION,
    editingId: null,
    renamingId: null,
    noteColor: DEFAULT_NOTE_COLOR,
    helpOpen: false,
    view: 'canvas',
    sidebarTab: 'people',
    briefOpen: true,
    stepThread: null,
    announcement: '',
    ...initial,
  });
