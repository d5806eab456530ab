import { useEffect, useState } from 'react';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { ErrorLine } from '../ErrorLine.tsx';

/** How often the facilitator's counts refresh while private brainwriting is on. */
const COUNT_EVERY_MS = 2000;

/**
 * Private brainwriting for the facilitator: the toggle, how many private
 * notes each person has written (never their text), and "Reveal all",
 * which puts everyone's notes on the board at once.
 */
export function BrainwritingControls() {
  const { participants, send } = useSession();
  const { settings, phase } = useControl();
  const toggle = useCommand();
  const reveal = useCommand();
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  // What the last "Reveal all" did: the mode stays on for the next round (decision 1105), so say so.
  const [revealed, setRevealed] = useState<number | null>(null);
  const on = settings.privateMode && phase.current === 'explore';

  useEffect(() => {
    if (!on) {
      setCounts(null);
      setRevealed(null);
      return;
    }
    let alive = true;
    const poll = () =>
      send({ type: 'draftCounts' })
        .then((r) => alive && setCounts(r.counts))
        .catch(() => {});
    poll();
    const id = setInterval(poll, COUNT_EVERY_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [on, send]);

  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="ws-section" aria-labelledby="ws-private">
      <h3 id="ws-private">Private brainwriting</h3>
      <label className="ws-check">
        <input
          type="checkbox"
          checked={settings.privateMode}
          disabled={toggle.busy}
          onChange={(e) => toggle.run({ type: 'updateSettings', privateMode: e.target.checked })}
        />
        Participants write privately until you reveal
      </label>
      {on && counts ? (
        <>
          <ul className="ws-counts" data-testid="draft-counts">
            {participants
              .filter((p) => p.role === 'participant')
              .map((p) => (
                <li key={p.id}>
                  <span>{p.name}</span>
                  <span className="ws-count" data-participant={p.id}>
                    {counts[p.id] ?? 0} {counts[p.id] === 1 ? 'note' : 'notes'}
                  </span>
                </li>
              ))}
          </ul>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={reveal.busy}
            onClick={async () => {
              const r = await reveal.run({ type: 'publishDrafts' });
              if (!r) return;
              setRevealed(r.published);
              // Recount now rather than at the next poll, so the counts and the button do not still say "1".
              send({ type: 'draftCounts' })
                .then((c) => setCounts(c.counts))
                .catch(() => {});
            }}
          >
            Reveal all ({total})
          </button>
          {revealed !== null ? (
            <p className="ws-muted" role="status" data-testid="revealed">
              {revealed} {revealed === 1 ? 'note' : 'notes'} revealed. New notes stay private until the next reveal; untick to write in the
              open.
            </p>
          ) : null}
        </>
      ) : null}
      <ErrorLine error={toggle.error ?? reveal.error} />
    </section>
  );
}
