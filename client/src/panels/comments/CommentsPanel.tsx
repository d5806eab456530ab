import { addComment, type Comment, deleteComment, editComment, findMentions, Origins, readThreads } from '@throughline/shared';
import { useEffect, useState } from 'react';
import { useSession } from '../../session/SessionProvider.tsx';
import { useBoardSlice } from '../../session/useBoardSlice.ts';
import { useDocSlice } from '../../session/useDocSlice.ts';
import { patchStore } from '../../state/createStore.ts';
import { useStoreValue } from '../../state/useStore.ts';
import { MentionComposer } from './MentionComposer.tsx';

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The thread panel: the discussion on the selected note (in every phase),
 * or, with nothing selected, the notes being discussed. Participants and
 * the facilitator write; viewers read. Comments go straight into the
 * `comments` doc; the server checks they are this person's own.
 */
export function CommentsPanel() {
  const { comments, editor, you, participants } = useSession();
  const threads = useDocSlice(comments.doc, readThreads);
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  const selected = [...selection].find((id) => id.startsWith('idea:')) ?? null;
  const ideaText = useBoardSlice((store) => (selected ? (store.ideas.get(selected)?.text ?? null) : null));
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => comments.onRefused(setRefused), [comments]);
  const people = participants.filter((p) => p.id !== you.participantId).map((p) => ({ id: p.id, name: p.name }));
  const canWrite = you.role !== 'viewer';

  if (!selected) {
    const discussed = [...threads].filter(([, list]) => list.some((c) => !c.deleted));
    return (
      <section className="comments-panel" aria-label="Comments">
        <p className="muted">Select a note to read and write its comments.</p>
        {discussed.length === 0 ? <p className="muted">No comments yet.</p> : null}
        <ul className="thread-list">
          {discussed.map(([key, list]) => (
            <li key={key}>
              <button
                type="button"
                className="btn btn-ghost thread-link"
                onClick={() => patchStore(editor.ui, { selection: new Set([key]) })}
              >
                <DiscussedNote id={key} /> <span className="count-badge">{list.filter((c) => !c.deleted).length}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const thread = threads.get(selected) ?? [];
  const write = (fn: () => void) => {
    setRefused(null);
    comments.doc.transact(fn, Origins.user);
  };
  return (
    <section className="comments-panel" aria-label="Comments">
      <p className="thread-subject" title={ideaText ?? ''}>
        {ideaText || 'This note'}
      </p>
      <ol className="thread" aria-label="Comments on this note">
        {thread.map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            mine={c.authorId === you.participantId}
            canDelete={c.authorId === you.participantId || you.role === 'facilitator'}
            people={people}
            onEdit={(text) => write(() => editComment(comments.doc, selected, c.id, text, findMentions(text, people), new Date()))}
            onDelete={() => write(() => deleteComment(comments.doc, selected, c.id))}
          />
        ))}
      </ol>
      {thread.length === 0 ? <p className="muted">No comments on this note yet.</p> : null}
      {canWrite ? (
        <MentionComposer
          people={people}
          placeholder="Comment — type @ to mention someone"
          submitLabel="Comment"
          onSubmit={(text) =>
            write(() =>
              addComment(comments.doc, selected, {
                authorId: you.participantId,
                authorName: you.name,
                text,
                mentions: findMentions(text, people),
                now: new Date(),
              }),
            )
          }
        />
      ) : (
        <p className="muted">Viewers read the discussion.</p>
      )}
      {refused ? (
        <p className="error-line" role="alert">
          Not saved: {refused}
        </p>
      ) : null}
    </section>
  );
}

function DiscussedNote({ id }: { id: string }) {
  const text = useBoardSlice((store) => store.ideas.get(id)?.text ?? null);
  return <span className="thread-link-text">{text || (id.startsWith('step:') ? 'A next step' : 'A note')}</span>;
}

interface CommentItemProps {
  comment: Comment;
  mine: boolean;
  canDelete: boolean;
  people: { id: string; name: string }[];
  onEdit(text: string): void;
  onDelete(): void;
}

function CommentItem({ comment: c, mine, canDelete, people, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  if (c.deleted) {
    return (
      <li className="comment comment-deleted">
        <span className="muted">Comment deleted</span>
      </li>
    );
  }
  return (
    <li className="comment">
      <div className="comment-meta">
        <strong>{c.authorName}</strong> <time dateTime={c.createdAt}>{time(c.createdAt)}</time>
        {c.editedAt ? <span className="muted"> · edited</span> : null}
      </div>
      {editing ? (
        <MentionComposer
          people={people}
          placeholder="Edit your comment"
          submitLabel="Save"
          initial={c.text}
          onSubmit={(text) => {
            onEdit(text);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment-text">{c.text}</p>
      )}
      {!editing && (mine || canDelete) ? (
        <div className="comment-actions">
          {mine ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {canDelete ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={onDelete}>
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
