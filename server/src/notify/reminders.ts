import type { NextStep } from '@throughline/shared';

const DAY = 86_400_000;
/** Reminders go out at 09:00 UTC: morning in Europe and Africa, and waiting in the inbox for the Americas' start. */
const NINE_UTC = 9 * 3_600_000;

export interface StepReminder {
  kind: 'due' | 'review';
  step: NextStep;
  /** The date it is about (YYYY-MM-DD). */
  date: string;
  /** Names this reminder in `schedule.notices` and the outbox: a moved date is a new reminder. */
  key: string;
  /** Window: from `from` (epoch ms) until the end of `date` (UTC). */
  from: number;
  until: number;
}

/**
 * The reminders of each owned step: the day before its due date and on its
 * review date, each at 09:00 UTC, open until the end of that date (a
 * server that was down at 09:00 still sends it that day, never later).
 */
export function stepReminders(steps: readonly NextStep[]): StepReminder[] {
  const out: StepReminder[] = [];
  for (const step of steps) {
    if (!step.ownerId) continue;
    if (step.due) {
      const day = Date.parse(`${step.due}T00:00:00Z`);
      out.push({ kind: 'due', step, date: step.due, key: `step-due:${step.id}:${step.due}`, from: day - DAY + NINE_UTC, until: day + DAY });
    }
    const review = step.successCheck?.reviewDate;
    if (review && !step.review) {
      const day = Date.parse(`${review}T00:00:00Z`);
      out.push({ kind: 'review', step, date: review, key: `step-review:${step.id}:${review}`, from: day + NINE_UTC, until: day + DAY });
    }
  }
  return out.filter((r) => Number.isFinite(r.from));
}
