import {
  type Brief,
  type Cluster,
  type Command,
  type Decision,
  type Idea,
  type NextStep,
  type Participant,
  type PhaseState,
  type Role,
  readBrief,
  readClusters,
  readDecisions,
  readIdeas,
  readPhase,
  readSettings,
  readSteps,
  readTallies,
  type Settings,
  type Tally,
} from '@throughline/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** Everything the phase panels read from the control doc, re-read whenever it changes. */
export interface ControlSnapshot {
  brief: Brief | null;
  phase: PhaseState;
  settings: Settings;
  tallies: Tally[];
  decisions: Decision[];
  steps: NextStep[];
}

export interface BoardSnapshot {
  ideas: Idea[];
  clusters: Cluster[];
}

/** Who is looking: from the session summary (which the server took from the token). */
export interface PhaseActor {
  participantId: string;
  role: Role;
  name: string;
}

/**
 * Sends a command; resolves with the response body (`{ ok: true, … }`) or
 * rejects with an error carrying the server's `code` and human `message`
 * (the client's `ApiError`).
 */
export type SendCommand = (command: Command) => Promise<Record<string, unknown>>;

export interface PhaseSession {
  control: ControlSnapshot;
  board: BoardSnapshot;
  you: PhaseActor;
  participants: readonly Participant[];
  send: SendCommand;
  /** Today's date (YYYY-MM-DD) in the viewer's time zone, for "review due". */
  today: string;
}

const readControl = (doc: Y.Doc): ControlSnapshot => ({
  brief: readBrief(doc),
  phase: readPhase(doc),
  settings: readSettings(doc),
  tallies: readTallies(doc),
  decisions: readDecisions(doc),
  steps: readSteps(doc),
});

const readBoard = (doc: Y.Doc): BoardSnapshot => ({ ideas: readIdeas(doc), clusters: readClusters(doc) });

/**
 * A value derived from a Y.Doc, recomputed only after the doc changed, so
 * `useSyncExternalStore` sees a stable snapshot between updates. Panels are
 * lists, not the canvas: re-reading the doc per update is cheap enough.
 */
function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const cache = useRef<{ doc: Y.Doc | null; seen: number; changes: number; value: T | null }>({
    doc: null,
    seen: -1,
    changes: 0,
    value: null,
  });
  const subscribe = useCallback(
    (listener: () => void) => {
      const onUpdate = () => {
        cache.current.changes++;
        listener();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    [doc],
  );
  const get = () => {
    const c = cache.current;
    if (c.doc !== doc || c.seen !== c.changes || c.value === null) {
      c.doc = doc;
      c.seen = c.changes;
      c.value = read(doc);
    }
    return c.value as T;
  };
  return useSyncExternalStore(subscribe, get);
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const Ctx = createContext<PhaseSession | null>(null);

export interface PhaseProviderProps {
  board: Y.Doc;
  control: Y.Doc;
  you: PhaseActor;
  participants: readonly Participant[];
  send: SendCommand;
  children: ReactNode;
}

/** Gives the phase panels the session: live control and board snapshots, the viewer, and a command sender. */
export function PhaseProvider({ board, control, you, participants, send, children }: PhaseProviderProps) {
  const controlSnapshot = useDocValue(control, readControl);
  const boardSnapshot = useDocValue(board, readBoard);
  // A stable sender: callers often pass an inline arrow, which must not re-run effects that send commands.
  const sendRef = useRef(send);
  sendRef.current = send;
  const stableSend = useCallback<SendCommand>((command) => sendRef.current(command), []);
  const value = useMemo<PhaseSession>(
    () => ({ control: controlSnapshot, board: boardSnapshot, you, participants, send: stableSend, today: localToday() }),
    [controlSnapshot, boardSnapshot, you, participants, stableSend],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePhaseSession(): PhaseSession {
  const s = useContext(Ctx);
  if (!s) throw new Error('usePhaseSession outside <PhaseProvider>');
  return s;
}

/** A refusal as the panels show it. */
export interface CommandError {
  code: string;
  message: string;
}

/**
 * Runs commands for one control: tracks `busy` and the last refusal, so a
 * button can disable itself and show the server's reason next to it.
 */
export function useCommand() {
  const { send } = usePhaseSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const run = useCallback(
    async (command: Command): Promise<Record<string, unknown> | null> => {
      setBusy(true);
      setError(null);
      try {
        return await send(command);
      } catch (e) {
        const err = e as { code?: string; message?: string };
        setError({ code: err.code ?? 'TL_ERR_INTERNAL', message: err.message ?? 'Something went wrong.' });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [send],
  );
  return { run, busy, error, clearError: () => setError(null) };
}

/** A refusal line under a control; nothing when there is none. */
export function PhaseError({ error }: { error: CommandError | null }) {
  if (!error) return null;
  return (
    <p className="tl-ph-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  );
}
