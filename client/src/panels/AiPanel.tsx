import {
  type AiRequestRecord,
  aiRequestsMap,
  type Cluster,
  type ClusterSuggestion,
  type Command,
  type Idea,
  LENS_IDS,
  LENSES,
  type LensId,
  type PhaseState,
  type Role,
  readAiRequests,
  readPhase,
} from '@throughline/shared';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { BoardStore } from '../state/BoardStore.ts';
import { AI_ERROR_ADVICE, type LaneGroup, laneGroups, lensName, progressText, provenanceText } from './AiLaneModel.ts';

export interface AiPanelProps {
  /** The board doc: only its small `aiRequests` root is observed here. */
  board: Y.Doc;
  /** The editor's frame-batched read model of the board's notes and clusters (`editor.store`). */
  store: BoardStore;
  control: Y.Doc;
  you: { participantId: string; role: Role; name: string };
  /** Display name of a participant id, for "asked by". */
  nameOf?: (participantId: string) => string;
  /** Sends a command; resolves with the response body or rejects with `{ code, message }`. */
  send: (command: Command) => Promise<Record<string, unknown>>;
  /** The note or cluster selected on the canvas, offered as the thing to riff on. */
  selectedId?: string | null;
}

/** Only the needed slice of a Y.Doc: `read()` runs after `subscribe` reported a change, so React sees a stable snapshot between changes. */
function useYValue<T>(subscribe: (onChange: () => void) => () => void, read: () => T): T {
  const cache = useRef<{ changes: number; seen: number; read: (() => T) | null; value: T | null }>({
    changes: 0,
    seen: -1,
    read: null,
    value: null,
  });
  const sub = useCallback(
    (listener: () => void) =>
      subscribe(() => {
        cache.current.changes++;
        listener();
      }),
    [subscribe],
  );
  return useSyncExternalStore(sub, () => {
    const c = cache.current;
    if (c.seen !== c.changes || c.read !== read || c.value === null) {
      c.seen = c.changes;
      c.read = read;
      c.value = read();
    }
    return c.value as T;
  });
}

/** The AI request records (newest first), re-read only when the `aiRequests` root changes, not on every note edit. */
function useAiRequests(board: Y.Doc): AiRequestRecord[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = aiRequestsMap(board);
      const observer = () => onChange();
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    [board],
  );
  const read = useCallback(() => readAiRequests(board), [board]);
  return useYValue(subscribe, read);
}

function usePhase(control: Y.Doc): PhaseState {
  const subscribe = useCallback(
    (onChange: () => void) => {
      control.on('update', onChange);
      return () => control.off('update', onChange);
    },
    [control],
  );
  const read = useCallback(() => readPhase(control), [control]);
  return useYValue(subscribe, read);
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A value derived from the board store, recomputed once per store version
 * (at most once per animation frame) and kept — same object, no re-render —
 * while `equal` says nothing in it changed. `select` must be stable
 * (`useCallback`) so a new one re-derives.
 */
function useBoardView<T>(store: BoardStore, select: (store: BoardStore) => T, equal: (a: T, b: T) => boolean): T {
  const cache = useRef<{ version: number; select: (store: BoardStore) => T; value: T } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const c = cache.current;
    if (c && c.version === store.version && c.select === select) return c.value;
    const next = select(store);
    const value = c && equal(c.value, next) ? c.value : next;
    cache.current = { version: store.version, select, value };
    return value;
  });
}

/** What the panel shows of the board. Someone dragging a canvas note changes none of it. */
interface BoardView {
  /** Notes waiting in the AI lane, in creation order. */
  lane: readonly Idea[];
  /** Notes offered to riff on: the selected canvas note, then the most recent ones with text. */
  notes: readonly Idea[];
  /** Clusters in the doc's order. */
  clusters: readonly Cluster[];
}

const RECENT_NOTES = 30;

function selectBoardView(store: BoardStore, selectedId: string | null): BoardView {
  const all = store.allIdeas;
  const lane = all.filter((i) => i.lane === 'ai');
  // The most recently created canvas notes with text, oldest first: walk back from the newest.
  const recent: Idea[] = [];
  for (let k = all.length - 1; k >= 0 && recent.length < RECENT_NOTES; k--) {
    const i = all[k] as Idea;
    if (i.lane === 'canvas' && i.text.trim() !== '') recent.push(i);
  }
  recent.reverse();
  const picked = selectedId ? store.ideas.get(selectedId) : undefined;
  // The selected note is always offered, even when it is not among the most recent.
  const notes = picked && picked.lane === 'canvas' && picked.text.trim() !== '' && !recent.includes(picked) ? [picked, ...recent] : recent;
  return { lane, notes, clusters: [...store.clusters.values()] };
}

const sameBoardView = (a: BoardView, b: BoardView) =>
  sameItems(a.lane, b.lane) && sameItems(a.notes, b.notes) && sameItems(a.clusters, b.clusters);

interface Problem {
  message: string;
  advice?: string;
}

const toProblem = (e: unknown): Problem => {
  const err = e as { code?: string; message?: string };
  const advice =
    err.code === 'TL_ERR_RATE_LIMITED'
      ? AI_ERROR_ADVICE['rate-limited']
      : err.code === 'TL_ERR_AI_UNAVAILABLE'
        ? AI_ERROR_ADVICE.unavailable
        : err.code === 'NETWORK'
          ? 'Check your connection and try again.'
          : undefined;
  return { message: err.message ?? 'Something went wrong.', advice };
};

/**
 * The AI lane: ask for ideas (count, lens, something to riff on), watch
 * them stream in with a cancel button, read each idea's provenance on
 * hover, adopt (optionally reworded) the ones worth keeping, and ask for
 * grouping suggestions. AI ideas here take no part in selection until a
 * person adopts them; every failure is explained and changes nothing.
 */
export function AiPanel({ board, store, control, you, send, nameOf, selectedId = null }: AiPanelProps) {
  const requests = useAiRequests(board);
  const phase = usePhase(control);
  const select = useCallback((s: BoardStore) => selectBoardView(s, selectedId), [selectedId]);
  const view = useBoardView(store, select, sameBoardView);
  const exploring = phase.current === 'explore';
  const canAct = exploring && you.role !== 'viewer';
  const nameFor = nameOf ?? ((id: string) => (id === you.participantId ? 'you' : id));
  const groups = useMemo(() => laneGroups(view.lane, requests), [view.lane, requests]);
  const mine = requests.filter((r) => r.requestedBy === you.participantId || (you.role === 'facilitator' && r.status === 'running'));
  const laneCount = groups.reduce((n, g) => n + g.ideas.length, 0);

  return (
    <section className="ai-panel" aria-label="AI ideas" data-testid="ai-panel">
      <p className="ai-note" style={{ color: 'var(--ink-3)', fontSize: 13, marginTop: 0 }}>
        AI ideas wait in this lane. Adopt one to put it on the canvas — only adopted ideas can be voted on.
      </p>
      {canAct ? (
        <AiGenerateForm send={send} store={store} notes={view.notes} clusters={view.clusters} selectedId={selectedId} />
      ) : (
        <p style={{ color: 'var(--ink-3)', fontSize: 13 }}>
          {you.role === 'viewer'
            ? 'Viewers can read the AI lane but not ask for ideas.'
            : 'The board is frozen: AI ideas can only be requested while exploring.'}
        </p>
      )}
      <ul className="ai-requests" aria-label="Your AI requests" style={{ listStyle: 'none', padding: 0, margin: '8px 0' }}>
        {mine.slice(0, 3).map((r) => (
          <AiRequestLine key={r.requestId} record={r} canCancel={r.status === 'running'} send={send} />
        ))}
      </ul>
      <h3 style={{ fontSize: 13, margin: '12px 0 6px' }}>
        AI lane <span style={{ color: 'var(--ink-3)', fontWeight: 400 }}>({laneCount} waiting)</span>
      </h3>
      {laneCount === 0 ? (
        <p style={{ color: 'var(--ink-3)', fontSize: 13 }}>No AI ideas waiting.</p>
      ) : (
        <ol className="ai-lane" data-testid="ai-lane" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {groups.map((g) => (
            <AiLaneGroup key={g.requestId} group={g} canAct={canAct} send={send} nameOf={nameFor} />
          ))}
        </ol>
      )}
      {canAct && <AiClusterSuggestions send={send} store={store} clusters={view.clusters} />}
    </section>
  );
}

function AiGenerateForm({
  send,
  store,
  notes,
  clusters,
  selectedId,
}: {
  send: AiPanelProps['send'];
  store: BoardStore;
  notes: readonly Idea[];
  clusters: readonly Cluster[];
  selectedId: string | null;
}) {
  const [count, setCount] = useState(10);
  const [lens, setLens] = useState<LensId | ''>('');
  const [riff, setRiff] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Only a new selection changes the choice; edits to the board do not.
  useEffect(() => {
    if (!selectedId) return;
    // A note selected right after it was created may still be pending in the store.
    store.flush();
    if (store.clusters.has(selectedId) || store.ideas.get(selectedId)?.lane === 'canvas') setRiff(selectedId);
  }, [store, selectedId]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const riffArg = riff.startsWith('cluster:') ? { clusterId: riff } : riff.startsWith('idea:') ? { ideaId: riff } : null;
    try {
      await send({ type: 'generateIdeas', count, lens: lens || null, riff: riffArg } as Command);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="ai-generate" aria-label="Ask the AI for ideas" style={{ display: 'grid', gap: 6 }}>
      <div style={{ display: 'flex', gap: 6 }}>
        <label style={{ display: 'grid', fontSize: 12 }}>
          Ideas
          <input
            className="input"
            type="number"
            min={1}
            max={50}
            value={count}
            data-testid="ai-count"
            onChange={(e) => setCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
            style={{ width: 64 }}
          />
        </label>
        <label style={{ display: 'grid', fontSize: 12, flex: 1 }}>
          Lens
          <select className="input" value={lens} data-testid="ai-lens" onChange={(e) => setLens(e.target.value as LensId | '')}>
            <option value="">Mix of lenses</option>
            {LENS_IDS.map((id) => (
              <option key={id} value={id} title={LENSES[id].description}>
                {LENSES[id].name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label style={{ display: 'grid', fontSize: 12 }}>
        Riff on
        <select className="input" value={riff} data-testid="ai-riff" onChange={(e) => setRiff(e.target.value)}>
          <option value="">Nothing in particular</option>
          {clusters.length > 0 && (
            <optgroup label="Clusters">
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title || 'Untitled cluster'}
                </option>
              ))}
            </optgroup>
          )}
          {notes.length > 0 && (
            <optgroup label="Notes">
              {notes.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.text.length > 60 ? `${i.text.slice(0, 57)}…` : i.text}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="ai-generate">
        {busy ? 'Asking…' : 'Generate ideas'}
      </button>
      {problem && <ProblemLine problem={problem} />}
    </form>
  );
}

function ProblemLine({ problem }: { problem: Problem }) {
  return (
    <p className="ai-error" role="alert" data-testid="ai-error" style={{ color: 'var(--danger, #c92a2a)', fontSize: 13, margin: '4px 0' }}>
      {problem.message}
      {problem.advice && <span style={{ display: 'block', color: 'var(--ink-2)' }}>{problem.advice}</span>}
    </p>
  );
}

function AiRequestLine({ record, canCancel, send }: { record: AiRequestRecord; canCancel: boolean; send: AiPanelProps['send'] }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    setBusy(true);
    try {
      await send({ type: 'cancelGeneration', requestId: record.requestId });
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  const failed = record.status === 'failed' || (record.status === 'cancelled' && record.error?.kind === 'frozen');
  return (
    <li data-testid="ai-status" data-status={record.status} style={{ fontSize: 13, padding: '4px 0' }}>
      <span role="status" aria-live="polite">
        {progressText(record)}
      </span>
      {record.status === 'running' && (
        <progress max={record.requested} value={record.count} style={{ display: 'block', width: '100%' }} aria-label="AI progress" />
      )}
      {failed && record.error && <span style={{ display: 'block', color: 'var(--ink-2)' }}>{AI_ERROR_ADVICE[record.error.kind]}</span>}
      {canCancel && (
        <button type="button" className="btn btn-small" disabled={busy} onClick={cancel} data-testid="ai-cancel">
          Cancel
        </button>
      )}
      {problem && <ProblemLine problem={problem} />}
    </li>
  );
}

function AiLaneGroup({
  group,
  canAct,
  send,
  nameOf,
}: {
  group: LaneGroup;
  canAct: boolean;
  send: AiPanelProps['send'];
  nameOf: (id: string) => string;
}) {
  return (
    <li style={{ marginBottom: 10 }}>
      {group.record && (
        <div style={{ fontSize: 12, color: 'var(--ink-3)', margin: '4px 0' }}>
          Asked by {group.record.requestedByName} · {group.record.lens ? lensName(group.record.lens) : 'mixed lenses'}
        </div>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 }}>
        {group.ideas.map((i) => (
          <AiLaneCard key={i.id} idea={i} canAct={canAct} send={send} nameOf={nameOf} />
        ))}
      </ul>
    </li>
  );
}

function AiLaneCard({
  idea,
  canAct,
  send,
  nameOf,
}: {
  idea: Idea;
  canAct: boolean;
  send: AiPanelProps['send'];
  nameOf: (id: string) => string;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(idea.text);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const provenance = provenanceText(idea.provenance, nameOf);

  const adopt = async (withText?: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await send({ type: 'adoptAiIdea', ideaId: idea.id, ...(withText && withText !== idea.text ? { text: withText } : {}) } as Command);
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };
  const riff = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await send({ type: 'generateIdeas', count: 5, lens: null, riff: { ideaId: idea.id } } as Command);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className="ai-idea"
      data-testid="ai-idea"
      data-idea-id={idea.id}
      title={provenance}
      style={{ background: idea.color, borderRadius: 6, padding: 8, border: '1px dashed var(--line)' }}
    >
      {editing ? (
        <textarea
          className="textarea"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Reword before adopting"
          rows={3}
          style={{ width: '100%' }}
        />
      ) : (
        // Plain text only: AI output is never interpreted as markup.
        <p style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{idea.text}</p>
      )}
      <details style={{ fontSize: 11, color: 'var(--ink-2)', marginTop: 4 }}>
        <summary>
          <span className="ai-badge">AI</span> {lensName(idea.provenance?.lens)}
        </summary>
        {provenance}
      </details>
      {canAct && (
        <div style={{ display: 'flex', gap: 4, marginTop: 6, flexWrap: 'wrap' }}>
          {editing ? (
            <>
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={busy || !text.trim()}
                onClick={() => adopt(text.trim())}
              >
                Adopt reworded
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => adopt()} data-testid="ai-adopt">
                Adopt
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => setEditing(true)}>
                Edit & adopt
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={busy}
                onClick={riff}
                title="Ask for 5 more ideas building on this one"
              >
                Riff
              </button>
            </>
          )}
        </div>
      )}
      {problem && <ProblemLine problem={problem} />}
    </li>
  );
}

function AiClusterSuggestions({ send, store, clusters }: { send: AiPanelProps['send']; store: BoardStore; clusters: readonly Cluster[] }) {
  const [suggestions, setSuggestions] = useState<(ClusterSuggestion & { key: number })[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const ask = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await send({ type: 'suggestClusters' } as Command);
      setSuggestions(((r.suggestions as ClusterSuggestion[]) ?? []).map((s, key) => ({ ...s, key })));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  const accept = async (s: ClusterSuggestion & { key: number }) => {
    setProblem(null);
    try {
      await send({ type: 'acceptClusterSuggestion', title: s.title, ideaIds: s.ideaIds } as Command);
      setSuggestions((cur) => cur?.filter((x) => x.key !== s.key) ?? null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const rename = (key: number, title: string) => setSuggestions((cur) => cur?.map((x) => (x.key === key ? { ...x, title } : x)) ?? null);
  const dismiss = (key: number) => setSuggestions((cur) => cur?.filter((x) => x.key !== key) ?? null);

  return (
    <div className="ai-clusters" style={{ marginTop: 16 }}>
      <h3 style={{ fontSize: 13, margin: '0 0 6px' }}>Grouping suggestions</h3>
      <button type="button" className="btn btn-small" onClick={ask} disabled={busy} data-testid="ai-suggest">
        {busy ? 'Looking…' : 'Suggest groups for loose notes'}
      </button>
      {problem && <ProblemLine problem={problem} />}
      {suggestions && suggestions.length === 0 && <p style={{ color: 'var(--ink-3)', fontSize: 13 }}>No groups stood out.</p>}
      {suggestions && suggestions.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 8 }}>
          {suggestions.map((s) => (
            <li key={s.key} style={{ border: '1px solid var(--line)', borderRadius: 6, padding: 8 }}>
              <input
                className="input"
                value={s.title}
                aria-label="Group title"
                onChange={(e) => rename(s.key, e.target.value)}
                style={{ width: '100%' }}
              />
              <SuggestedNotes store={store} ideaIds={s.ideaIds} />
              <div style={{ display: 'flex', gap: 4 }}>
                <button type="button" className="btn btn-primary btn-small" disabled={!s.title.trim()} onClick={() => accept(s)}>
                  Create cluster
                </button>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => dismiss(s.key)}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {clusters.length > 0 && suggestions === null && (
        <p style={{ color: 'var(--ink-3)', fontSize: 12 }}>
          Suggestions cover notes not yet in a cluster. Nothing moves until you accept one.
        </p>
      )}
    </div>
  );
}

/** The current text of a suggestion's notes: follows edits to just those notes. */
function SuggestedNotes({ store, ideaIds }: { store: BoardStore; ideaIds: readonly string[] }) {
  const select = useCallback((s: BoardStore) => ideaIds.map((id) => s.ideas.get(id)?.text ?? null), [ideaIds]);
  const texts = useBoardView(store, select, sameItems);
  return (
    <ul style={{ fontSize: 12, margin: '6px 0', paddingLeft: 16 }}>
      {ideaIds.map((id, k) => (
        <li key={id}>{texts[k] ?? '(removed)'}</li>
      ))}
    </ul>
  );
}
