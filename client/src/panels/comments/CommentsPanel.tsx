import { readThreads } from '@throughline/shared';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useBoardSlice } from '../../session/useBoardSlice.ts';
import { useDocSlice } from '../../session/useDocSlice.ts';
import { showThread } from '../../state/showThread.ts';
import { useStoreValue } from '../../state/useStore.ts';
import { Thread } from './Thread.tsx';

/**
 * The thread panel: the discussion on the selected note (in every phase),
 * or, with nothing selected, the notes and steps being discussed (a step's
 * thread opens in the plan).
 */
export function CommentsPanel() {
  const { comments, editor } = useSession();
  const threads = useDocSlice(comments.doc, readThreads);
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  const selected = [...selection].find((id) => id.startsWith('idea:')) ?? null;
  const ideaText = useBoardSlice((store) => (selected ? (store.ideas.get(selected)?.text ?? null) : null));

  if (!selected) {
    const discussed = [...threads].filter(([, list]) => list.some((c) => !c.deleted));
    return (
      <section className="comments-panel" aria-label="Comments">
        <p className="muted">Select a note to read and write its comments.</p>
        {discussed.length === 0 ? <p className="muted">No comments yet.</p> : null}
        <ul className="thread-list">
          {discussed.map(([key, list]) => (
            <li key={key}>
              <button type="button" className="btn btn-ghost thread-link" onClick={() => showThread(editor.ui, key)}>
                <DiscussedSubject id={key} /> <span className="count-badge">{list.filter((c) => !c.deleted).length}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section className="comments-panel" aria-label="Comments">
      <p className="thread-subject" title={ideaText ?? ''}>
        {ideaText || 'This note'}
      </p>
      <Thread key={selected} threadKey={selected} label="Comments on this note" emptyText="No comments on this note yet." />
    </section>
  );
}

function DiscussedSubject({ id }: { id: string }) {
  const text = useBoardSlice((store) => store.ideas.get(id)?.text ?? null);
  const step = useControl().steps.find((s) => s.id === id);
  if (id.startsWith('step:')) return <span className="thread-link-text">Step: {step?.title || 'a next step'}</span>;
  return <span className="thread-link-text">{text || 'A note'}</span>;
}
