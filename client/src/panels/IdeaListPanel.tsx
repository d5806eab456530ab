import type { Idea } from '@throughline/shared';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { createNote, deleteSelection, editNoteText } from '../actions/noteActions.ts';
import { focusNote } from '../actions/viewActions.ts';
import { decisionsByIdea, VERDICT_BADGE, verdictTitle } from '../board/verdictBadge.ts';
import { originShown } from '../session/readControl.ts';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useVersion } from '../state/useStore.ts';

const PAGE = 300;

interface Group {
  id: string;
  title: string;
  ideas: Idea[];
}

/** Groups ideas by cluster (clusters by title), unclustered last, each group in creation order. */
export function groupIdeas(ideas: readonly Idea[], clusterTitles: ReadonlyMap<string, string>): Group[] {
  const groups = new Map<string, Group>();
  for (const i of ideas) {
    const key = i.clusterId && clusterTitles.has(i.clusterId) ? i.clusterId : '';
    let g = groups.get(key);
    if (!g) {
      g = { id: key, title: key ? clusterTitles.get(key) || 'Untitled cluster' : 'Not in a cluster', ideas: [] };
      groups.set(key, g);
    }
    g.ideas.push(i);
  }
  const unclustered = groups.get('');
  groups.delete('');
  const sorted = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
  return unclustered ? [...sorted, unclustered] : sorted;
}

/** Case-insensitive match on the text and the author's name. */
export const matchesQuery = (i: Idea, q: string) => {
  const s = q.trim().toLowerCase();
  return !s || i.text.toLowerCase().includes(s) || i.authorName.toLowerCase().includes(s);
};

/**
 * Every idea as a plain list: the accessible alternative to the canvas.
 * Arrow keys move between ideas, Enter edits, Delete removes, and "Show on
 * canvas" jumps there. Everything goes through the same actions as the
 * canvas, so undo and read-only rules are the same.
 */
export function IdeaListPanel() {
  const { editor, canWrite } = useSession();
  const version = useVersion(editor.store);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [newText, setNewText] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const control = useControl();
  const { decisions } = control;
  const showOrigin = originShown(control);
  const decided = useMemo(() => decisionsByIdea(decisions), [decisions]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is how the mutable store signals change
  const { groups, shown, total } = useMemo(() => {
    const titles = new Map([...editor.store.clusters.values()].map((c) => [c.id, c.title]));
    const all = editor.store.canvasIdeas;
    const matching = all.filter((i) => matchesQuery(i, query));
    const limited = matching.slice(0, limit);
    return { groups: groupIdeas(limited, titles), shown: matching.length, total: all.length };
  }, [editor, version, query, limit]);

  const focusItem = (from: HTMLElement, delta: number | 'first' | 'last') => {
    const items = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-idea-item]') ?? [])];
    const i = items.indexOf(from);
    const next =
      delta === 'first' ? items[0] : delta === 'last' ? items[items.length - 1] : items[Math.max(0, Math.min(items.length - 1, i + delta))];
    next?.focus();
  };

  const startEdit = (i: Idea) => {
    if (!canWrite) return;
    setEditing(i.id);
    setDraft(i.text);
  };

  const commitEdit = (id: string) => {
    editor.run(editNoteText, { id, text: draft });
    setEditing(null);
  };

  const remove = (id: string) => {
    patchStore(editor.ui, { selection: new Set([id]) });
    editor.run(deleteSelection, undefined);
  };

  const onItemKey = (e: KeyboardEvent<HTMLElement>, i: Idea) => {
    if (e.target !== e.currentTarget) return;
    switch (e.key) {
      case 'ArrowDown':
        focusItem(e.currentTarget, 1);
        break;
      case 'ArrowUp':
        focusItem(e.currentTarget, -1);
        break;
      case 'Home':
        focusItem(e.currentTarget, 'first');
        break;
      case 'End':
        focusItem(e.currentTarget, 'last');
        break;
      case 'Enter':
      case 'F2':
        startEdit(i);
        break;
      case 'Delete':
        if (canWrite) {
          focusItem(e.currentTarget, 1);
          remove(i.id);
        }
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  let first = true;
  return (
    <section className="idea-list" aria-labelledby="idea-list-title" data-testid="idea-list">
      <div className="idea-list-head">
        <h2 id="idea-list-title">All ideas</h2>
        <input
          className="input search-input"
          type="search"
          placeholder="Search ideas and authors"
          aria-label="Search ideas"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
        />
        <span role="status" aria-live="polite" className="fine-print">
          {query ? `${shown} of ${total} ideas match` : `${total} idea${total === 1 ? '' : 's'}`}
        </span>
      </div>
      {canWrite ? (
        <form
          className="row idea-list-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newText.trim()) return;
            editor.run(createNote, { text: newText.trim(), edit: false });
            setNewText('');
          }}
        >
          <input
            className="input"
            aria-label="New idea"
            placeholder="Add an idea…"
            value={newText}
            onChange={(e) => setNewText(e.target.value)}
          />
          <button type="submit" className="btn btn-primary">
            Add
          </button>
        </form>
      ) : null}
      <p className="sr-only">Use the arrow keys to move between ideas. Press Enter to edit an idea and Delete to remove it.</p>
      <div ref={listRef}>
        {groups.length === 0 ? <p className="empty">{total === 0 ? 'No ideas yet.' : 'No ideas match your search.'}</p> : null}
        {groups.map((g) => (
          <div className="idea-group" key={g.id || 'none'}>
            <h3 id={`group-${g.id || 'none'}`}>
              {g.title} <span className="idea-group-count">({g.ideas.length})</span>
            </h3>
            <ul className="idea-items" aria-labelledby={`group-${g.id || 'none'}`}>
              {g.ideas.map((i) => {
                const tabIndex = first ? 0 : -1;
                first = false;
                const ai = showOrigin && i.origin === 'ai';
                const decision = decided.get(i.id);
                return (
                  <li
                    key={i.id}
                    className="idea-item"
                    data-idea-item
                    data-idea-id={i.id}
                    tabIndex={tabIndex}
                    aria-label={`${i.text || 'Empty note'}${showOrigin ? `, by ${i.authorName || 'someone'}` : ''}${ai ? ', suggested by AI' : ''}${decision ? `, ${verdictTitle(decision)}` : ''}`}
                    onKeyDown={(e) => onItemKey(e, i)}
                    onFocus={(e) => {
                      for (const el of listRef.current?.querySelectorAll<HTMLElement>('[data-idea-item]') ?? []) el.tabIndex = -1;
                      e.currentTarget.tabIndex = 0;
                    }}
                  >
                    <span className="chip" style={{ background: i.color }} aria-hidden="true" />
                    {editing === i.id ? (
                      <textarea
                        className="textarea text"
                        aria-label="Edit idea"
                        // biome-ignore lint/a11y/noAutofocus: editing was just requested on this item
                        autoFocus
                        value={draft}
                        onChange={(e) => setDraft(e.target.value)}
                        onBlur={() => commitEdit(i.id)}
                        onKeyDown={(e) => {
                          e.stopPropagation();
                          if (e.key === 'Escape') setEditing(null);
                          if (e.key === 'Enter' && !e.shiftKey) {
                            e.preventDefault();
                            commitEdit(i.id);
                          }
                        }}
                      />
                    ) : (
                      <span className="text">
                        {i.text || <em className="muted">Empty note</em>}
                        {ai ? <span className="ai-badge">AI</span> : null}
                      </span>
                    )}
                    {decision ? (
                      <span className={`verdict verdict-${decision.verdict}`} data-testid="idea-verdict" title={verdictTitle(decision)}>
                        {VERDICT_BADGE[decision.verdict].label}
                        {decision.rationale ? <span className="verdict-why">{decision.rationale}</span> : null}
                      </span>
                    ) : null}
                    {showOrigin ? <span className="by">{i.authorName}</span> : null}
                    <span className="actions">
                      {canWrite && editing !== i.id ? (
                        <button type="button" className="btn btn-small" onClick={() => startEdit(i)}>
                          Edit
                        </button>
                      ) : null}
                      <button type="button" className="btn btn-small" onClick={() => editor.run(focusNote, { id: i.id })}>
                        Show on canvas
                      </button>
                      {canWrite ? (
                        <button type="button" className="btn btn-small" aria-label={`Delete idea: ${i.text}`} onClick={() => remove(i.id)}>
                          Delete
                        </button>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        {shown > limit ? (
          <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, shown - limit)} more
          </button>
        ) : null}
      </div>
    </section>
  );
}
