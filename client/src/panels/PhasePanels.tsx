import type { Command } from '@throughline/shared';
import { type ReactNode, useCallback, useMemo } from 'react';
import { api } from '../api.ts';
import type { PanelProps } from './PanelProps.ts';
import { PhaseProvider, type SendCommand } from './PhaseContext.tsx';
import { PhaseStepper } from './PhaseStepper.tsx';
import { PhaseStyles } from './PhaseStyles.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { SelectPanel } from './SelectPanel.tsx';

/**
 * Adapts the board page's `PanelProps` to the phase panels: the control doc
 * from the connection, the board from the editor's frame-batched store
 * (never the raw board doc), the viewer and participants from the session
 * summary, and commands sent with this person's token.
 */
function PhaseHost({ props, wide, children }: { props: PanelProps; wide?: boolean; children: ReactNode }) {
  const { session, connection, editor, token } = props;
  const sessionId = session.sessionId;
  const send = useCallback<SendCommand>((cmd: Command) => api.command(sessionId, token, cmd), [sessionId, token]);
  const you = useMemo(
    () => ({ participantId: session.you.participantId, role: session.you.role, name: session.you.name }),
    [session.you.participantId, session.you.role, session.you.name],
  );
  return (
    <PhaseProvider store={editor.store} control={connection.control} you={you} participants={session.participants} send={send}>
      <PhaseStyles />
      <div className={wide ? 'tl-phase-root tl-phase-wide' : 'tl-phase-root'}>{children}</div>
    </PhaseProvider>
  );
}

/** For the phase banner's `actions` slot: the stepper and the facilitator's forward / back controls. */
export function PhaseActions(props: PanelProps) {
  return (
    <PhaseHost props={props}>
      <PhaseStepper />
    </PhaseHost>
  );
}

/** Sidebar tab for the select phase. */
export function SelectTab(props: PanelProps) {
  return (
    <PhaseHost props={props} wide>
      <SelectPanel />
    </PhaseHost>
  );
}

/** Sidebar tab for the plan (shown in plan and review: the plan stays readable while reviewing). */
export function PlanTab(props: PanelProps) {
  return (
    <PhaseHost props={props} wide>
      <PlanPanel />
    </PhaseHost>
  );
}

/** Sidebar tab for the review phase. */
export function ReviewTab(props: PanelProps) {
  return (
    <PhaseHost props={props} wide>
      <ReviewPanel />
    </PhaseHost>
  );
}

/** Which phase tabs apply, for `SIDEBAR_TABS` entries' `visible`. */
export const phaseTabVisible = {
  select: (p: PanelProps) => p.control.phase.current === 'select',
  plan: (p: PanelProps) => p.control.phase.current === 'plan' || p.control.phase.current === 'review',
  review: (p: PanelProps) => p.control.phase.current === 'review',
};
