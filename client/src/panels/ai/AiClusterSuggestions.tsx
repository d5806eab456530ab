import type { Cluster, ClusterSuggestion } from '@throughline/shared';
import { useCallback, useState } from 'react';
import { sameItems, useBoardSlice } from '../../session/useBoardSlice.ts';
import { useCommand } from '../../session/useCommand.ts';
import type { BoardStore } from '../../state/BoardStore.ts';
import { AiProblem } from './AiProblem.tsx';

type Suggestion = ClusterSuggestion & { key: number };

/** Ask the AI to group loose notes; each suggestion can be renamed, accepted (creates the cluster) or dismissed. */
export function AiClusterSuggestions({ clusters }: { clusters: readonly Cluster[] }) {
  const ask = useCommand();
  const accept = useCommand();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);

  const requestSuggestions = async () => {
    accept.clearError();
    const r = await ask.run({ type: 'suggestClusters' });
    if (r) setSuggestions(r.suggestions.map((s, key) => ({ ...s, key })));
  };
  const acceptOne = async (s: Suggestion) => {
    ask.clearError();
    if (await accept.run({ type: 'acceptClusterSuggestion', title: s.title, ideaIds: s.ideaIds }))
      setSuggestions((cur) => cur?.filter((x) => x.key !== s.key) ?? null);
  };
  const rename = (key: number, title: string) => setSuggestions((cur) => cur?.map((x) => (x.key === key ? { ...x, title } : x)) ?? null);
  const dismiss = (key: number) => setSuggestions((cur) => cur?.filter((x) => x.key !== key) ?? null);

  return (
    <div className="ai-clusters">
      <h3 className="ai-heading">Grouping suggestions</h3>
      <button type="button" className="btn btn-small" onClick={requestSuggestions} disabled={ask.busy} data-testid="ai-suggest">
        {ask.busy ? 'Looking…' : 'Suggest groups for loose notes'}
      </button>
      <AiProblem error={accept.error ?? ask.error} />
      {suggestions && suggestions.length === 0 && <p className="ai-muted">No groups stood out.</p>}
      {suggestions && suggestions.length > 0 && (
        <ul className="ai-suggestions">
          {suggestions.map((s) => (
            <li key={s.key} className="ai-suggestion">
              <input className="input" value={s.title} aria-label="Group title" onChange={(e) => rename(s.key, e.target.value)} />
              <SuggestedNotes ideaIds={s.ideaIds} />
              <div className="ai-idea-actions">
                <button type="button" className="btn btn-primary btn-small" disabled={!s.title.trim()} onClick={() => acceptOne(s)}>
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
        <p className="ai-muted ai-small">Suggestions cover notes not yet in a cluster. Nothing moves until you accept one.</p>
      )}
    </div>
  );
}

/** The current text of a suggestion's notes: follows edits to just those notes. */
function SuggestedNotes({ ideaIds }: { ideaIds: readonly string[] }) {
  const select = useCallback((s: BoardStore) => ideaIds.map((id) => s.ideas.get(id)?.text ?? null), [ideaIds]);
  const texts = useBoardSlice(select, sameItems);
  return (
    <ul className="ai-suggested-notes">
      {ideaIds.map((id, k) => (
        <li key={id}>{texts[k] ?? '(removed)'}</li>
      ))}
    </ul>
  );
}
