import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, type SessionSummary } from '../api.ts';
import { cacheSummary } from '../auth/summaryCache.ts';
import { BoardEditor } from '../state/BoardEditor.ts';
import { CameraLink } from '../state/CameraLink.ts';
import { patchStore } from '../state/createStore.ts';
import { showThread } from '../state/showThread.ts';
import { useStoreValue } from '../state/useStore.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { CommentsConnection } from '../sync/CommentsConnection.ts';
import { DraftsConnection } from '../sync/DraftsConnection.ts';
import { type ControlSnapshot, readControl } from './readControl.ts';
import type { SendCommand, Session } from './Session.ts';
import { threadFromLink } from './threadLink.ts';
import { useDocSlice } from './useDocSlice.ts';
import { createWhatsNew, loadWhatsNew } from './whatsNew.ts';

const SessionCtx = createContext<Session | null>(null);
const ControlCtx = createContext<ControlSnapshot | null>(null);

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export interface SessionProviderProps {
  connection: BoardConnection;
  /** The summary the page loaded (`GET /api/sessions/:id`); refreshed when someone new joins. */
  summary: SessionSummary;
  token: string;
  children: ReactNode;
}

/**
 * Opens one board session for everything under it: creates this person's
 * editor, reads the control doc once for all panels, works out whether
 * the board is writable, and sends commands with this person's token.
 */
export function SessionProvider({ connection, summary: initial, token, children }: SessionProviderProps) {
  const [summary, setSummary] = useState(initial);
  const { sessionId, you } = summary;

  const editor = useMemo(
    () => new BoardEditor(connection.board, connection.awareness, { participantId: initial.you.participantId, name: initial.you.name }),
    [connection, initial.you.participantId, initial.you.name],
  );
  useEffect(() => () => editor.destroy(), [editor]);

  // Until the control doc has synced (no brief yet), the summary stands in.
  const live = useDocSlice(connection.control, readControl);
  const control = useMemo<ControlSnapshot>(
    () => (live.brief ? live : { ...live, brief: summary.brief, phase: summary.phase, settings: summary.settings }),
    [live, summary],
  );

  const camera = useMemo(() => new CameraLink(editor.viewport, () => editor.viewSize, editor.presence), [editor]);
  useEffect(() => () => camera.destroy(), [camera]);

  // Private brainwriting: a participant's notes go to their drafts doc, edited by a second editor on the same screen.
  const privateDrafts = control.settings.privateMode && you.role === 'participant' && control.phase.current === 'explore';
  const drafts = useMemo(() => {
    if (!privateDrafts) return null;
    const conn = new DraftsConnection(sessionId, you.participantId, token);
    const draftsEditor = new BoardEditor(conn.doc, connection.awareness, { participantId: you.participantId, name: you.name }, editor);
    return { conn, editor: draftsEditor };
  }, [privateDrafts, sessionId, you.participantId, you.name, token, connection, editor]);
  useEffect(
    () => () => {
      drafts?.editor.destroy();
      drafts?.conn.destroy();
    },
    [drafts],
  );
  const active = drafts?.editor ?? editor;

  const newerSchema = useStoreValue(connection.status, (s) => s.newerSchema);
  const canWrite = you.role !== 'viewer' && control.phase.current === 'explore' && !newerSchema;
  useLayoutEffect(() => {
    editor.setWritable(canWrite);
    active.setWritable(canWrite);
  }, [editor, active, canWrite]);

  // At most one request per 2 s; a call during the pause is answered by one more fetch after it.
  const refreshing = useRef<'idle' | 'busy' | 'again'>('idle');
  const refresh = useCallback(() => {
    if (refreshing.current !== 'idle') {
      refreshing.current = 'again';
      return;
    }
    refreshing.current = 'busy';
    const fetchOnce = () =>
      api
        .getSession(sessionId, token)
        .then((s) => {
          cacheSummary(s);
          setSummary(s);
        })
        .catch(() => {})
        .finally(() => {
          setTimeout(() => {
            if (refreshing.current === 'again') {
              refreshing.current = 'busy';
              fetchOnce();
            } else refreshing.current = 'idle';
          }, 2000);
        });
    fetchOnce();
  }, [sessionId, token]);

  // Someone here we have not heard of joined after the summary was fetched: the people list (and "2 of 3 done") needs them.
  useEffect(() => {
    const check = () => {
      const known = new Set<string>(summary.participants.map((p) => p.id));
      if (editor.presence.peers.some((p) => !known.has(p.participantId))) refresh();
    };
    check();
    const off = editor.presence.subscribe(check);
    return () => {
      off();
    };
  }, [editor, summary, refresh]);

  const send = useCallback<SendCommand>((command) => api.command(sessionId, token, command), [sessionId, token]);

  const comments = useMemo(() => new CommentsConnection(sessionId, token), [sessionId, token]);
  useEffect(() => () => comments.destroy(), [comments]);
  const whatsNew = useMemo(createWhatsNew, []);
  useEffect(() => {
    // A mail's "Reply" link (`?thread=<idea or step id>`) opens that thread; it wins over "What's new".
    const thread = threadFromLink();
    if (thread) showThread(editor.ui, thread);
    // On return, open "Since you were here" when something happened meanwhile.
    loadWhatsNew(whatsNew, sessionId, token)
      .then((any) => {
        if (any && !thread) patchStore(editor.ui, { sidebarTab: 'new' });
      })
      .catch(() => {});
  }, [whatsNew, sessionId, token, editor]);

  const session = useMemo<Session>(
    () => ({
      sessionId,
      title: summary.title,
      you,
      participants: summary.participants,
      warnings: summary.warnings,
      token,
      controlDoc: connection.control,
      boardDoc: connection.board,
      store: editor.store,
      editor: active,
      boardEditor: editor,
      privateDrafts: drafts !== null,
      camera,
      connection,
      canWrite,
      refresh,
      today: localToday(),
      send,
      comments,
      whatsNew,
      mailEnabled: summary.notifications?.mail === true,
    }),
    [sessionId, summary, you, token, connection, editor, active, drafts, camera, canWrite, refresh, send, comments, whatsNew],
  );
  return (
    <SessionCtx.Provider value={session}>
      <ControlCtx.Provider value={control}>{children}</ControlCtx.Provider>
    </SessionCtx.Provider>
  );
}

/** The session this component is in: who you are, participants, docs, store, editor. */
export function useSession(): Session {
  const s = useContext(SessionCtx);
  if (!s) throw new Error('useSession outside <SessionProvider>');
  return s;
}

/** The control doc's contents (phase, brief, settings, tallies, decisions, steps), live. */
export function useControl(): ControlSnapshot {
  const c = useContext(ControlCtx);
  if (!c) throw new Error('useControl outside <SessionProvider>');
  return c;
}
