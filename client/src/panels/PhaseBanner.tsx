import { PHASE_PURPOSE, type Phase, type Role } from '@throughline/shared';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useStoreValue } from '../state/useStore.ts';
import { PhaseStepper } from './PhaseStepper.tsx';

/** Why the board is read-only for this person right now, or null when it is not. */
export function readOnlyReason(role: Role, phase: Phase, newerSchema: boolean): string | null {
  if (newerSchema) return 'This board was saved by a newer version of Throughline. Reload the page to edit it.';
  if (role === 'viewer') return 'You are viewing this board: it is read-only for you.';
  if (phase !== 'explore') return `The board is frozen while the session is in ${phase}: nobody can edit it.`;
  return null;
}

/**
 * The strip under the header: what this phase is for and, when it applies,
 * why the board is read-only; then the phase stepper (the facilitator's
 * forward / back controls).
 */
export function PhaseBanner() {
  const { connection, you } = useSession();
  const { phase } = useControl();
  const newerSchema = useStoreValue(connection.status, (s) => s.newerSchema);
  const reason = readOnlyReason(you.role, phase.current, newerSchema);
  return (
    <div className="banner" data-readonly={reason ? 'true' : 'false'} data-testid="phase-banner" role="status">
      <strong>{reason ? 'Read-only' : `Phase: ${phase.current}`}</strong>
      <span>{reason ?? PHASE_PURPOSE[phase.current]}</span>
      <span className="banner-spacer" />
      <div className="tl-phase-root">
        <PhaseStepper />
      </div>
    </div>
  );
}
