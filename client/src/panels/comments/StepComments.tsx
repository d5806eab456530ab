import { readThread } from '@throughline/shared';
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../session/SessionProvider.tsx';
import { useDocSlice } from '../../session/useDocSlice.ts';
import { patchStore } from '../../state/createStore.ts';
import { useStoreValue } from '../../state/useStore.ts';
import { Thread } from './Thread.tsx';

/**
 * A step's discussion in the plan: a button with its comment count that
 * opens the thread under the step (one step's at a time, like a comment
 * popover in Miro). Participants, the facilitator and viewers alike see it.
 */
export function StepComments({ stepId, title }: { stepId: string; title: string }) {
  const { comments, editor } = useSession();
  const count = useDocSlice(
    comments.doc,
    useCallback((doc: Y.Doc) => readThread(doc, stepId).filter((c) => !c.deleted).length, [stepId]),
  );
  const open = useStoreValue(editor.ui, (s) => s.stepThread === stepId);
  const panelId = `step-thread-${stepId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <div className="step-comments">
      <button
        type="button"
        className="btn btn-ghost btn-small step-comments-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="step-comments"
        onClick={() => patchStore(editor.ui, { stepThread: open ? null : stepId })}
      >
        {count === 0 ? 'Discuss this step' : count === 1 ? '1 comment' : `${count} comments`}
      </button>
      {open ? (
        <section id={panelId} className="comments-panel step-thread" aria-label={`Comments on ${title || 'this step'}`}>
          <Thread threadKey={stepId} label="Comments on this step" emptyText="No comments on this step yet." />
        </section>
      ) : null}
    </div>
  );
}
