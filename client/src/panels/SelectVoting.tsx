import type { CommandInputOf, MyVotesValue } from '@throughline/shared';
import { useCallback, useEffect, useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { ErrorLine } from './ErrorLine.tsx';

/**
 * The caller's own votes and scores, which exist only on the server until
 * reveal: loaded with `myVotes`, and replaced by the answer of every
 * castVote / retractVote / score (each returns the same shape).
 */
export function useMyVotes() {
  const control = useControl();
  const { you } = useSession();
  const { run, busy, error } = useCommand();
  const [mine, setMine] = useState<MyVotesValue | null>(null);
  const revealed = control.phase.revealed;
  const phase = control.phase.current;
  const { voteBudget, perIdeaCap } = control.settings;

  // Reload when a reveal, a reset or new voting limits change what may be done (and on phase change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: revealed, phase, limits and viewer are triggers, not inputs
  useEffect(() => {
    let live = true;
    void run({ type: 'myVotes' }).then((v) => {
      if (live && v) setMine(v);
    });
    return () => {
      live = false;
    };
  }, [run, revealed, phase, voteBudget, perIdeaCap, you.participantId]);

  const apply = useCallback(
    async (cmd: CommandInputOf<'castVote' | 'retractVote' | 'score'>) => {
      const v = await run(cmd);
      if (v) setMine(v);
    },
    [run],
  );
  return {
    mine,
    busy,
    error,
    vote: (ideaId: string) => apply({ type: 'castVote', ideaId, count: 1 }),
    unvote: (ideaId: string) => apply({ type: 'retractVote', ideaId, count: 1 }),
    score: (ideaId: string, criterionId: string, value: number | null) => apply({ type: 'score', ideaId, criterionId, value }),
  };
}

/** "3 of 5 votes left" with a dot per vote, for people who may vote. */
export function SelectBudget({ mine }: { mine: MyVotesValue | null }) {
  if (!mine) return null;
  if (!mine.canVote) return null;
  const spent = mine.budget - mine.remaining;
  return (
    <div className="tl-sel-budget" data-testid="vote-budget" aria-live="polite">
      <span className="tl-sel-dots" aria-hidden="true">
        {Array.from({ length: mine.budget }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: dots are positional
          <span key={i} className="tl-sel-dot" data-spent={i < spent} />
        ))}
      </span>
      <strong>
        {mine.remaining} of {mine.budget}
      </strong>{' '}
      votes left · at most {mine.perIdeaCap} per idea · your votes stay private until the facilitator reveals
    </div>
  );
}

/** Facilitator controls: budget, per-idea cap, blind origin, reveal, and a reset for another round. */
export function SelectFacilitatorBar() {
  const control = useControl();
  const { run, busy, error } = useCommand();
  const { settings, phase } = control;
  const [budget, setBudget] = useState(settings.voteBudget);
  const [cap, setCap] = useState(settings.perIdeaCap);
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => {
    setBudget(settings.voteBudget);
    setCap(settings.perIdeaCap);
  }, [settings.voteBudget, settings.perIdeaCap]);
  const changed = budget !== settings.voteBudget || cap !== settings.perIdeaCap;

  return (
    <form
      className="tl-sel-facil"
      aria-label="Voting settings"
      onSubmit={(e) => {
        // Enter in either number saves both, as a form should.
        e.preventDefault();
        if (changed) void run({ type: 'setVoting', voteBudget: budget, perIdeaCap: cap });
      }}
    >
      <label>
        Votes each{' '}
        <input
          className="input tl-sel-num"
          type="number"
          min={1}
          max={50}
          value={budget}
          disabled={phase.revealed}
          onChange={(e) => setBudget(Number(e.target.value))}
          data-testid="vote-budget-input"
        />
      </label>
      <label>
        Max per idea{' '}
        <input
          className="input tl-sel-num"
          type="number"
          min={1}
          max={50}
          value={cap}
          disabled={phase.revealed}
          onChange={(e) => setCap(Number(e.target.value))}
        />
      </label>
      {changed && (
        <button type="submit" className="btn btn-small" disabled={busy} data-testid="vote-settings-save">
          Save
        </button>
      )}
      <label title="Hide whether an idea came from a person or the AI until it is decided">
        <input
          type="checkbox"
          checked={settings.blindOrigin}
          disabled={busy}
          onChange={(e) => run({ type: 'setVoting', blindOrigin: e.target.checked })}
        />{' '}
        Blind origin
      </label>
      <span className="tl-sel-spacer" />
      {!phase.revealed ? (
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy}
          onClick={() => run({ type: 'reveal' })}
          data-testid="reveal"
        >
          Reveal votes
        </button>
      ) : confirmReset ? (
        <>
          <span>Clear every vote and score for a new round?</span>
          <button type="button" className="btn btn-small" onClick={() => setConfirmReset(false)}>
            Keep them
          </button>
          <button
            type="button"
            className="btn btn-small tl-danger"
            disabled={busy}
            onClick={async () => {
              if (await run({ type: 'setVoting', resetVotes: true })) setConfirmReset(false);
            }}
          >
            Reset votes
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setConfirmReset(true)}>
          New voting round…
        </button>
      )}
      <ErrorLine error={error} />
    </form>
  );
}
