import { readSchedule, SCHEDULED_PHASES, type ScheduledPhase } from '@throughline/shared';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useDocSlice } from '../session/useDocSlice.ts';
import { deadlineText } from './deadlineText.ts';

const NAME: Record<ScheduledPhase, string> = { explore: 'Explore', select: 'Select', plan: 'Plan' };

/** "Explore closes Fri 17:00" in the header, in the viewer's own time zone, when the current phase has a deadline. */
export function DeadlineChip() {
  const { controlDoc } = useSession();
  const { phase } = useControl();
  const schedule = useDocSlice(controlDoc, readSchedule);
  const current = phase.current as ScheduledPhase;
  if (!(SCHEDULED_PHASES as readonly string[]).includes(current)) return null;
  const at = schedule.deadlines[current];
  if (!at) return null;
  const past = Date.parse(at) <= Date.now();
  const label = `${NAME[current]} ${past ? 'closed' : 'closes'} ${deadlineText(at)}`;
  return (
    <span
      className="deadline-chip"
      data-testid="deadline"
      title={`${new Date(at).toString()}${schedule.autoAdvance ? ' — moves on by itself' : ''}`}
    >
      {label}
      {schedule.autoAdvance ? <span className="sr-only"> (moves on by itself)</span> : null}
    </span>
  );
}
