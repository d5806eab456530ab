import { PHASE_PURPOSE } from '@throughline/shared';
import type { ReactNode } from 'react';
import { useStoreValue } from '../state/useStore.ts';
import type { PanelProps } from './PanelProps.ts';

/** Why the board is read-only for this person right now, or null when it is not. */
export function readOnlyReason(p: Pick<PanelProps, 'session' | 'control'>, newerSchema: boolean): string | null {
  if (newerSchema) return 'This board was saved by a newer version of Throughline. Reload the page to edit it.';
  if (p.session.you.role === 'viewer') return 'You are viewing this board: it is read-only for you.';
  if (p.control.phase.current !== 'explore')
    return `The board is frozen while the session is in ${p.control.phase.current}: nobody can edit it.`;
  return null;
}

/**
 * The strip under the header: what this phase is for and, when it applies,
 * why the board is read-only. The `actions` slot is for phase controls other
 * workstreams add (advance phase, reveal votes).
 */
export function PhaseBanner(props: PanelProps & { actions?: ReactNode }) {
  const newerSchema = useStoreValue(props.connection.status, (s) => s.newerSchema);
  const reason = readOnlyReason(props, newerSchema);
  return (
    <div className="banner" data-readonly={reason ? 'true' : 'false'} data-testid="phase-banner" role="status">
      <strong>{reason ? 'Read-only' : `Phase: ${props.control.phase.current}`}</strong>
      <span>{reason ?? PHASE_PURPOSE[props.control.phase.current]}</span>
      <span style={{ flex: 1 }} />
      {props.actions}
    </div>
  );
}
