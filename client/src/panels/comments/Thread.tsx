import { addComment, type Comment, deleteComment, editComment, findMentions, Origins, readThread } from '@throughline/shared';
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../session/SessionProvider.tsx';
import { useDocSlice } from '../../session/useDocSlice.ts';
import { MentionComposer } from './MentionComposer.tsx';

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

interface ThreadProps {
  /** The idea or step id the thread belongs to (`threads` key in the comments doc). */
  threadKey: string;
  /** Accessible name of the list, e.g. "Comments on this note". */
  label: string;
  /** Shown while the thread has no comment. */
  emptyText: string;
}

/**
 * One comment thread: its comments (edit your own, delete your own or, as
 * facilitator, anyone's), and a composer with @mention autocomplete for
 * participants and the facilitator; viewers read. Writes go straight into
 * the `comments` doc, where the server checks they are this person's own.
 * Used by the comments panel (notes) and the plan (steps).
 */
export function Thread({ threadKey, label, emptyText }: ThreadProps) {
  const { comments, you, participants } = useSession();
  const read = useCallback((doc: Y.Doc) => readThread(doc, threadKey), [threadKey]);
  const thread = useDocSlice(comments.doc, read);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => comments.onRefused(setRefused), [comments]);
  const people = participants.filter((p) => p.id !== you.participantId).map((p) => ({ id: p.id, name: p.name }));
  const write = (fn: () => void) => {
    setRefused(null);
    comments.doc.transact(fn, Origins.user);
  };
  return (
    <>
      <ol className="thread" aria-label={label}>
        {thread.map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            mine={c.authorId === you.participantId}
            canDelete={c.authorId === you.participantId || you.role === 'facilitator'}
            people={people}
            onEdit={(text) => write(() => editComment(comments.doc, threadKey, c.id, text, findMentions(text, people), new Date()))}
            onDelete={() => write(() => deleteComment(comments.doc, threadKey, c.id))}
          />
        ))}
      </ol>
      {thread.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {you.role !== 'viewer' ? (
        <MentionComposer
          people={people}
          placeholder="Comment — type @ to mention someone"
          submitLabel="Comment"
          onSubmit={(text) =>
            write(() =>
              addComment(comments.doc, threadKey, {
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
    </>
  );
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
