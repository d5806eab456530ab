import { reactionsMap, readAllReactions, commentCounts as readCommentCounts } from '@throughline/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { redo, undo } from '../actions/historyActions.ts';
import { KEYED_ACTIONS } from '../actions/registry.ts';
import { runKey } from '../actions/runAction.ts';
import { dismiss, toggleHelp, toggleListView } from '../actions/uiActions.ts';
import { zoomToFit } from '../actions/viewActions.ts';
import { decisionsByIdea } from '../board/verdictBadge.ts';
import { centerOn, DEFAULT_VIEWPORT } from '../board/viewport.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { isTyping } from '../canvas/CanvasGestures.ts';
import { BriefPanel } from '../panels/BriefPanel.tsx';
import { Header } from '../panels/Header.tsx';
import { HelpOverlay } from '../panels/HelpOverlay.tsx';
import { IdeaListPanel } from '../panels/IdeaListPanel.tsx';
import { PhaseBanner } from '../panels/PhaseBanner.tsx';
import { Sidebar } from '../panels/Sidebar.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { ReactionBar } from '../panels/workshop/ReactionBar.tsx';
import { RoomNotices } from '../panels/workshop/RoomNotices.tsx';
import { ZoomControls } from '../panels/ZoomControls.tsx';
import { originShown } from '../session/readControl.ts';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useDocSlice } from '../session/useDocSlice.ts';
import { markNoteSeen } from '../session/whatsNew.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { useStoreValue } from '../state/useStore.ts';
import { loadViewport, saveViewport } from '../state/viewportMemory.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { installBoardClipboard } from './boardClipboard.ts';

/** Keys that still work in the list view (the others act on the hidden canvas). */
const LIST_VIEW_KEYS = new Set([undo.name, redo.name, toggleListView.name, toggleHelp.name, dismiss.name]);

const TEST_MODE = typeof location !== 'undefined' && new URLSearchParams(location.search).get('test') === '1';

/**
 * The board's layout: header, phase banner, the brief on the left, the
 * canvas (or list) in the middle, the tabbed sidebar on the right. Wires
 * keys to actions and keeps the camera across reloads.
 */
export function BoardWorkspace() {
  const session = useSession();
  const { connection, editor, boardEditor, sessionId, you, canWrite, privateDrafts } = session;
  const readReactions = useCallback(() => readAllReactions(connection.board), [connection]);
  const reactions = useDocSlice(reactionsMap(connection.board), readReactions);
  const { comments, whatsNew } = session;
  const commentCounts = useDocSlice(comments.doc, readCommentCounts);
  const unseen = useStoreValue(whatsNew, (s) => s.unseen);
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  // A highlighted note stops glowing once this person selects it.
  useEffect(() => {
    for (const id of selection) markNoteSeen(whatsNew, id);
  }, [selection, whatsNew]);
  const control = useControl();
  const currentView = useStoreValue(editor.ui, (s) => s.view);
  const announcement = useStoreValue(editor.ui, (s) => s.announcement);

  // Camera: where this browser left the board; else fit the content once it has arrived (the first
  // sync lands in the store a frame later); an empty board puts the origin in the middle.
  useEffect(() => {
    const saved = loadViewport(sessionId);
    if (saved) {
      editor.viewport.set(saved);
      return;
    }
    editor.viewport.set(centerOn(DEFAULT_VIEWPORT, { x: 0, y: 0 }, editor.viewSize));
    let placed = false;
    const place = () => {
      if (placed) return;
      // The sync may have landed in the doc but not yet in the store (it catches up once per frame).
      editor.store.flush();
      if (editor.store.canvasIdeas.length > 0 || editor.store.orderedClusters.length > 0) {
        editor.run(zoomToFit, undefined);
        placed = true;
      } else if (connection.status.get().synced) placed = true;
    };
    place();
    const offStore = editor.store.subscribe(place);
    const offStatus = connection.status.subscribe(place);
    return () => {
      offStore();
      offStatus();
    };
  }, [editor, connection, sessionId]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = editor.viewport.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => saveViewport(sessionId, editor.viewport.get()), 400);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, sessionId]);

  useEffect(() => installBoardClipboard(editor), [editor]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.isComposing) return;
      // Enter on a focused button or link presses it; it must not also open the selected note's editor.
      if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a[href], [role="button"], [role="tab"]'))
        return;
      const actions = editor.ui.get().view === 'list' ? KEYED_ACTIONS.filter((a) => LIST_VIEW_KEYS.has(a.name)) : KEYED_ACTIONS;
      if (runKey(actions, e, editor.ctx)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  const [onNotesDrawn] = useState(() => (TEST_MODE ? installTestHook(connection, boardEditor) : undefined));
  // The hook's editor is the board's; private drafts are edited by a second editor, exposed while it exists.
  useEffect(() => {
    if (!TEST_MODE) return;
    const hook = (window as unknown as { __throughline: Record<string, unknown> }).__throughline;
    hook.camera = session.camera;
    hook.drafts = privateDrafts ? editor : null;
  }, [session.camera, privateDrafts, editor]);

  const decided = useMemo(() => decisionsByIdea(control.decisions), [control.decisions]);

  return (
    <div className="board" data-role={you.role} data-writable={canWrite}>
      <Header />
      <PhaseBanner />
      <div className="workspace">
        <BriefPanel />
        <main className="main-area" aria-label="Board">
          {currentView === 'canvas' ? (
            <>
              <BoardCanvas
                editor={editor}
                showOrigin={originShown(control)}
                onNotesDrawn={onNotesDrawn}
                commentCounts={commentCounts}
                highlighted={unseen}
                sharedBoard={privateDrafts ? boardEditor.store : undefined}
                reactions={reactions}
                spotlight={control.attention.spotlight}
                decisions={decided}
              />
              <ReactionBar reactions={reactions} />
              <RoomNotices />
              <Toolbar />
              <ZoomControls />
            </>
          ) : (
            <IdeaListPanel />
          )}
        </main>
        <Sidebar />
      </div>
      <HelpOverlay />
      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

/** `?test=1` only: exposes the docs and editor to e2e tests and benchmarks, and marks the first draw of notes. */
function installTestHook(connection: BoardConnection, editor: BoardEditor) {
  const marks: { firstNotesDraw: number | null; notesDraws: number } = { firstNotesDraw: null, notesDraws: 0 };
  (window as unknown as { __throughline: unknown }).__throughline = {
    doc: connection.board,
    control: connection.control,
    provider: connection.boardProvider,
    connection,
    editor,
    marks,
  };
  return (noteCount: number) => {
    marks.notesDraws++;
    if (marks.firstNotesDraw === null && noteCount > 0) marks.firstNotesDraw = performance.now();
  };
}
