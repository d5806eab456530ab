import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, type SessionSummary } from '../api.ts';
import { cacheSummary } from '../auth/summaryCache.ts';
import { BoardEditor } from '../state/BoardEditor.ts';
import { useStoreValue } from '../state/useStore.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { type ControlSnapshot, readControl } from './readControl.ts';
import type { SendCommand, Session } from './Session.ts';
import { useDocSlice } from './useDocSlice.ts';

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

  const newerSchema = useStoreValue(connection.status, (s) => s.newerSchema);
  const canWrite = you.role !== 'viewer' && control.phase.current === 'explore' && !newerSchema;
  useLayoutEffect(() => editor.setWritable(canWrite), [editor, canWrite]);

  const refreshing = useRef(false);
  const refresh = useCallback(() => {
    if (refreshing.current) return;
    refreshing.current = true;
    api
      .getSession(sessionId, token)
      .then((s) => {
        cacheSummary(s);
        setSummary(s);
      })
      .catch(() => {})
      .finally(() => {
        setTimeout(() => {
          refreshing.current = false;
        }, 2000);
      });
  }, [sessionId, token]);

  const send = useCallback<SendCommand>((command) => api.command(sessionId, token, command), [sessionId, token]);

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
      editor,
      connection,
      canWrite,
      refresh,
      today: localToday(),
      send,
    }),
    [sessionId, summary, you, token, connection, editor, canWrite, refresh, send],
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
