import { PHASE_PURPOSE, PHASES, type Phase, phaseIndex } from '@throughline/shared';
import { useCallback, useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { ErrorLine } from './ErrorLine.tsx';

/** What moving forward does to everyone, said before the facilitator confirms. */
const NEXT_EFFECT: Record<Phase, string> = {
  explore: '',
  select: 'The board freezes (nobody can add or move notes) and voting opens.',
  plan: 'Voting closes; kept ideas get next steps.',
  review: 'The plan is read back against what happened.',
};

export const PHASE_LABEL: Record<Phase, string> = {
  explore: 'Explore',
  select: 'Select',
  plan: 'Plan',
  review: 'Review',
};

/**
 * The phase stepper: where the session is among explore → select → plan →
 * review and — for the facilitator — the way forward (one phase at a time)
 * or back (after a confirmation, since it reopens the earlier phase for
 * everyone). Sits in the phase banner's actions slot; `showPurpose` adds the
 * phase's purpose line for hosts that do not show it themselves.
 */
export function PhaseStepper({ showPurpose = false }: { showPurpose?: boolean }) {
  const control = useControl();
  const { you } = useSession();
  const { run, busy, error } = useCommand();
  const [confirmBack, setConfirmBack] = useState<Phase | null>(null);
  const current = control.phase.current;
  const at = phaseIndex(current);
  const next = PHASES[at + 1] ?? null;
  const isFacilitator = you.role === 'facilitator';

  const [confirmNext, setConfirmNext] = useState(false);
  const focusOnMount = useCallback((el: HTMLButtonElement | null) => el?.focus(), []);
  const move = async (phase: Phase, confirm = false) => {
    const ok = await run({ type: 'setPhase', phase, ...(confirm ? { confirm: true } : {}) });
    if (ok) {
      setConfirmBack(null);
      setConfirmNext(false);
    }
  };

  return (
    <section className="tl-ph-banner" aria-label="Session phase" data-phase={current} data-testid="phase-stepper">
      <ol className="tl-ph-steps">
        {PHASES.map((p, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'todo';
          const canGoBack = isFacilitator && i < at;
          return (
            <li key={p} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              {canGoBack ? (
                <button
                  type="button"
                  className="tl-ph-step-btn"
                  onClick={() => setConfirmBack(p)}
                  disabled={busy}
                  title={`Go back to ${PHASE_LABEL[p]}`}
                >
                  {PHASE_LABEL[p]}
                </button>
              ) : (
                <span>{PHASE_LABEL[p]}</span>
              )}
            </li>
          );
        })}
      </ol>
      {showPurpose && (
        <p className="tl-ph-purpose" data-testid="phase-purpose">
          {PHASE_PURPOSE[current]}
        </p>
      )}
      {isFacilitator && next && !confirmBack && !confirmNext && (
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy}
          onClick={() => setConfirmNext(true)}
          data-testid="phase-next"
        >
          Move to {PHASE_LABEL[next]} →
        </button>
      )}
      {next && confirmNext && (
        <div className="tl-ph-confirm" role="alertdialog" aria-label={`Confirm moving to ${PHASE_LABEL[next]}`}>
          <p>
            Move everyone to <strong>{PHASE_LABEL[next]}</strong>? {NEXT_EFFECT[next]}
          </p>
          <button type="button" className="btn btn-small" onClick={() => setConfirmNext(false)} disabled={busy}>
            Stay in {PHASE_LABEL[current]}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => move(next)}
            disabled={busy}
            data-testid="phase-next-confirm"
            ref={focusOnMount}
          >
            Move to {PHASE_LABEL[next]}
          </button>
        </div>
      )}
      {confirmBack && (
        <div className="tl-ph-confirm" role="alertdialog" aria-label="Confirm going back">
          <p>
            Go back to <strong>{PHASE_LABEL[confirmBack]}</strong>? It reopens that phase for everyone
            {confirmBack === 'explore' ? ' (the board becomes editable again)' : ''}. Nothing is discarded: votes, decisions and steps stay.
          </p>
          <button type="button" className="btn btn-small" onClick={() => setConfirmBack(null)} disabled={busy}>
            Stay in {PHASE_LABEL[current]}
          </button>
          <button type="button" className="btn btn-primary btn-small" onClick={() => move(confirmBack, true)} disabled={busy}>
            Go back to {PHASE_LABEL[confirmBack]}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
