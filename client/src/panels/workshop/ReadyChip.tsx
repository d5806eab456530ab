import { readiness } from '@throughline/shared';
import { useMemo } from 'react';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';

/**
 * "2 of 3 done" for everyone; participants say they are done with a
 * click, and the facilitator opens the count to see who.
 */
export function ReadyChip() {
  const { you, participants } = useSession();
  const { ready, phase } = useControl();
  const { run, busy } = useCommand();
  const ids = useMemo(() => participants.filter((p) => p.role === 'participant').map((p) => p.id), [participants]);
  const { done, total } = readiness(ready, phase.current, ids);
  if (total === 0) return null;
  const mine = ready[you.participantId] === phase.current;
  const count = (
    <span data-testid="ready-count">
      {done.length} of {total} done
    </span>
  );
  return (
    <span className="ready-chip">
      {you.role === 'facilitator' ? (
        <details className="ready-who">
          <summary>{count}</summary>
          <ul data-testid="ready-who">
            {participants
              .filter((p) => p.role === 'participant')
              .map((p) => (
                <li key={p.id} data-done={done.includes(p.id) || undefined}>
                  {done.includes(p.id) ? '✓' : '…'} {p.name}
                </li>
              ))}
          </ul>
        </details>
      ) : (
        count
      )}
      {you.role === 'participant' ? (
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={mine}
          disabled={busy}
          onClick={() => run({ type: 'setReady', ready: !mine })}
        >
          {mine ? '✓ Done' : "I'm done"}
        </button>
      ) : null}
    </span>
  );
}
