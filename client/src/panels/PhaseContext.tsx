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
  readDecisions,
  readPhase,
  readSettings,
  readSteps,
  readTallies,
  type Settings,
  type Tally,
} from '@throughline/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { BoardStore } from '../state/BoardStore.ts';

/** Everything the phase panels read from the control doc, re-read whenever it changes. */
export interface ControlSnapshot {
  brief: Brief | null;
  phase: PhaseState;
  settings: Settings;
  tallies: Tally[];
  decisions: Decision[];
  steps: NextStep[];
}

/** The board as the phase panels read it: from the editor's frame-batched `BoardStore`. */
export interface BoardSnapshot {
  /** Every note, canvas and AI lane, in creation order. */
  ideas: readonly Idea[];
  clusters: readonly Cluster[];
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

/**
 * The board is not in here: read it with `usePhaseBoard()`, so controls that
 * only need the control doc (the stepper in the phase banner) never
 * re-render while people move notes.
 */
export interface PhaseSession {
  control: ControlSnapshot;
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

/**
 * A value derived from a Y.Doc, recomputed only after the doc changed, so
 * `useSyncExternalStore` sees a stable snapshot between updates. Only for
 * the small control doc: the board (thousands of notes, an update per frame
 * while someone drags) is read through its `BoardStore` instead.
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

const boardSnapshots = new WeakMap<BoardStore, { version: number; orderedClusters: readonly Cluster[]; value: BoardSnapshot }>();

/**
 * The board snapshot for the store's current version, shared by every panel
 * reading the same store. Costs nothing per version: the store keeps
 * `allIdeas` up to date, and the cluster list is only rebuilt when clusters
 * changed (the store replaces `orderedClusters` exactly then).
 */
function boardSnapshot(store: BoardStore): BoardSnapshot {
  const cached = boardSnapshots.get(store);
  if (cached?.version === store.version) return cached.value;
  // Clusters in the doc's own order, as the panels listed them when they read the doc.
  const clusters = cached && cached.orderedClusters === store.orderedClusters ? cached.value.clusters : [...store.clusters.values()];
  const value =
    cached && cached.value.ideas === store.allIdeas && cached.value.clusters === clusters
      ? cached.value
      : { ideas: store.allIdeas, clusters };
  boardSnapshots.set(store, { version: store.version, orderedClusters: store.orderedClusters, value });
  return value;
}

const Ctx = createContext<PhaseSession | null>(null);
const BoardCtx = createContext<BoardStore | null>(null);

export interface PhaseProviderProps {
  /** The editor's read model of the board doc (`editor.store`). */
  store: BoardStore;
  control: Y.Doc;
  you: PhaseActor;
  participants: readonly Participant[];
  send: SendCommand;
  children: ReactNode;
}

/** Gives the phase panels the session: live control snapshot, the viewer, a command sender, and (via `usePhaseBoard`) the board. */
export function PhaseProvider({ store, control, you, participants, send, children }: PhaseProviderProps) {
  const controlSnapshot = useDocValue(control, readControl);
  // A stable sender: callers often pass an inline arrow, which must not re-run effects that send commands.
  const sendRef = useRef(send);
  sendRef.current = send;
  const stableSend = useCallback<SendCommand>((command) => sendRef.current(command), []);
  const value = useMemo<PhaseSession>(
    () => ({ control: controlSnapshot, you, participants, send: stableSend, today: localToday() }),
    [controlSnapshot, you, participants, stableSend],
  );
  return (
    <BoardCtx.Provider value={store}>
      <Ctx.Provider value={value}>{children}</Ctx.Provider>
    </BoardCtx.Provider>
  );
}

export function usePhaseSession(): PhaseSession {
  const s = useContext(Ctx);
  if (!s) throw new Error('usePhaseSession outside <PhaseProvider>');
  return s;
}

/**
 * The board's ideas and clusters, live. Re-renders at most once per animation
 * frame (when the store applies remote changes), and only the components
 * that call it.
 */
export function usePhaseBoard(): BoardSnapshot {
  const store = useContext(BoardCtx);
  if (!store) throw new Error('usePhaseBoard outside <PhaseProvider>');
  return useSyncExternalStore(store.subscribe, () => boardSnapshot(store));
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
