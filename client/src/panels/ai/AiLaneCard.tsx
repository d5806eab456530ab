import type { Idea } from '@throughline/shared';
import { useState } from 'react';
import { dismissAiIdea } from '../../actions/aiLaneActions.ts';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { type LaneGroup, lensName, provenanceText } from './AiLaneModel.ts';
import { AiProblem } from './AiProblem.tsx';

/** The ideas one request brought, under who asked and through which lens. */
export function AiLaneGroup({ group, canAct, nameOf }: { group: LaneGroup; canAct: boolean; nameOf: (id: string) => string }) {
  return (
    <li className="ai-group">
      {group.record && (
        <div className="ai-group-head">
          Asked by {group.record.requestedByName} · {group.record.lens ? lensName(group.record.lens) : 'mixed lenses'}
        </div>
      )}
      <ul className="ai-group-ideas">
        {group.ideas.map((i) => (
          <AiLaneCard key={i.id} idea={i} canAct={canAct} nameOf={nameOf} />
        ))}
      </ul>
    </li>
  );
}

/** One AI idea waiting in the lane: its text and provenance; adopt it (as is or reworded), riff on it or dismiss it. */
function AiLaneCard({ idea, canAct, nameOf }: { idea: Idea; canAct: boolean; nameOf: (id: string) => string }) {
  const { editor } = useSession();
  const { run, busy, error } = useCommand();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(idea.text);
  const provenance = provenanceText(idea.provenance, nameOf);
  const serves = useControl().brief?.initiatives.find((i) => i.id === idea.provenance?.initiativeId)?.title;

  const adopt = (withText?: string) =>
    void run({ type: 'adoptAiIdea', ideaId: idea.id, ...(withText && withText !== idea.text ? { text: withText } : {}) });
  const riff = () => void run({ type: 'generateIdeas', count: 5, lens: null, riff: { ideaId: idea.id } });

  return (
    <li className="ai-idea" data-testid="ai-idea" data-idea-id={idea.id} title={provenance} style={{ background: idea.color }}>
      {editing ? (
        <textarea
          className="textarea"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Reword before adopting"
          rows={3}
        />
      ) : (
        // Plain text only: AI output is never interpreted as markup.
        <p className="ai-idea-text">{idea.text}</p>
      )}
      <details className="ai-provenance">
        <summary>
          <span className="ai-badge">AI</span> {lensName(idea.provenance?.lens)}
          {serves && <span className="ai-serves"> · serves “{serves}”</span>}
        </summary>
        {provenance}
      </details>
      {canAct && (
        <div className="ai-idea-actions">
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
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={busy}
                onClick={() => editor.run(dismissAiIdea, { id: idea.id })}
                title="Remove this idea from the lane (Undo brings it back)"
                data-testid="ai-dismiss"
              >
                Dismiss
              </button>
            </>
          )}
        </div>
      )}
      <AiProblem error={error} />
    </li>
  );
}
