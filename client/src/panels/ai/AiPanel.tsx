import { aiRequestsMap, readAiRequests } from '@throughline/shared';
import { useCallback, useMemo } from 'react';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useBoardSlice } from '../../session/useBoardSlice.ts';
import { useDocSlice } from '../../session/useDocSlice.ts';
import type { BoardStore } from '../../state/BoardStore.ts';
import { useStoreValue } from '../../state/useStore.ts';
import { AiClusterSuggestions } from './AiClusterSuggestions.tsx';
import { AiGenerateForm } from './AiGenerateForm.tsx';
import { AiLaneGroup } from './AiLaneCard.tsx';
import { laneGroups } from './AiLaneModel.ts';
import { AiRequestLine } from './AiRequestLine.tsx';
import { sameAiBoardView, selectAiBoardView } from './aiBoardView.ts';

/**
 * The AI lane: ask for ideas (count, lens, something to riff on), watch
 * them stream in with a cancel button, read each idea's provenance on
 * hover, adopt (optionally reworded) the ones worth keeping, and ask for
 * grouping suggestions. AI ideas here take no part in selection until a
 * person adopts them; every failure is explained and changes nothing.
 */
export function AiPanel() {
  const { boardDoc, editor, you, participants } = useSession();
  const { phase } = useControl();
  // Only the board's small `aiRequests` root is observed, not every note edit.
  const readRequests = useCallback(() => readAiRequests(boardDoc), [boardDoc]);
  const requests = useDocSlice(aiRequestsMap(boardDoc), readRequests);
  // A single selected note or cluster becomes the default thing to riff on.
  const selectedId = useStoreValue(editor.ui, (s) => (s.selection.size === 1 ? ([...s.selection][0] ?? null) : null));
  const select = useCallback((s: BoardStore) => selectAiBoardView(s, selectedId), [selectedId]);
  const view = useBoardSlice(select, sameAiBoardView);
  const nameOf = useCallback(
    (id: string) => (id === you.participantId ? 'you' : (participants.find((p) => p.id === id)?.name ?? 'someone who left')),
    [participants, you.participantId],
  );

  const canAct = phase.current === 'explore' && you.role !== 'viewer';
  const groups = useMemo(() => laneGroups(view.lane, requests), [view.lane, requests]);
  // Everyone sees what is being generated right now (ideas stream in one by one); finished requests only their asker.
  const shown = requests.filter((r) => r.status === 'running' || r.requestedBy === you.participantId);
  const mayCancel = (r: (typeof requests)[number]) =>
    r.status === 'running' && (r.requestedBy === you.participantId || you.role === 'facilitator');
  const laneCount = groups.reduce((n, g) => n + g.ideas.length, 0);

  return (
    <section className="panel-body ai-panel" aria-label="AI ideas" data-testid="ai-panel">
      <p className="ai-note">AI ideas wait in this lane. Adopt one to put it on the canvas — only adopted ideas can be voted on.</p>
      {canAct ? (
        <AiGenerateForm notes={view.notes} clusters={view.clusters} selectedId={selectedId} />
      ) : (
        <p className="ai-muted">
          {you.role === 'viewer'
            ? 'Viewers can read the AI lane but not ask for ideas.'
            : 'The board is frozen: AI ideas can only be requested while exploring.'}
        </p>
      )}
      <ul className="ai-requests" aria-label="AI requests">
        {shown.slice(0, 3).map((r) => (
          <AiRequestLine key={r.requestId} record={r} canCancel={canAct && mayCancel(r)} />
        ))}
      </ul>
      <h3 className="ai-heading">
        AI lane <span className="ai-heading-count">({laneCount} waiting)</span>
      </h3>
      {laneCount === 0 ? (
        <p className="ai-muted">No AI ideas waiting.</p>
      ) : (
        <ol className="ai-lane" data-testid="ai-lane">
          {groups.map((g) => (
            <AiLaneGroup key={g.requestId} group={g} canAct={canAct} nameOf={nameOf} />
          ))}
        </ol>
      )}
      {canAct && <AiClusterSuggestions clusters={view.clusters} />}
    </section>
  );
}
