import { type Cluster, type Idea, LENS_IDS, LENSES, type LensId } from '@throughline/shared';
import { useEffect, useState } from 'react';
import { useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { AiProblem } from './AiProblem.tsx';

const riffOf = (id: string) => (id.startsWith('cluster:') ? { clusterId: id } : id.startsWith('idea:') ? { ideaId: id } : null);

/** Ask for ideas: how many, through which lens, riffing on which note or cluster (the selected one by default). */
export function AiGenerateForm({
  notes,
  clusters,
  selectedId,
}: {
  notes: readonly Idea[];
  clusters: readonly Cluster[];
  selectedId: string | null;
}) {
  const { store } = useSession();
  const { run, busy, error } = useCommand();
  const [count, setCount] = useState(10);
  const [lens, setLens] = useState<LensId | ''>('');
  const [riff, setRiff] = useState('');
  // Only a new selection changes the choice; edits to the board do not.
  useEffect(() => {
    if (!selectedId) return;
    // A note selected right after it was created may still be pending in the store.
    store.flush();
    if (store.clusters.has(selectedId) || store.ideas.get(selectedId)?.lane === 'canvas') setRiff(selectedId);
  }, [store, selectedId]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run({ type: 'generateIdeas', count, lens: lens || null, riff: riffOf(riff) });
  };

  return (
    <form onSubmit={submit} className="ai-generate" aria-label="Ask the AI for ideas">
      <div className="ai-generate-row">
        <label className="ai-field">
          Ideas
          <input
            className="input ai-count"
            type="number"
            min={1}
            max={50}
            value={count}
            data-testid="ai-count"
            onChange={(e) => setCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
          />
        </label>
        <label className="ai-field ai-field-grow">
          Lens
          <select
            className="input"
            value={lens}
            data-testid="ai-lens"
            onChange={(e) => setLens(LENS_IDS.find((id) => id === e.target.value) ?? '')}
          >
            <option value="">Mix of lenses</option>
            {LENS_IDS.map((id) => (
              <option key={id} value={id} title={LENSES[id].description}>
                {LENSES[id].name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="ai-field">
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
      <AiProblem error={error} />
    </form>
  );
}
