import type { ExportStep, PlanExport } from '@throughline/shared';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { chainLines, eachStep, oneLine, stepTitle } from './exportText.ts';

const dateArray = (iso: string): DateArray => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y as number, m as number, d as number];
};

/** The day after `iso`: all-day events end (exclusively) there, which Outlook needs to show one day, not zero. */
const nextDay = (iso: string): DateArray => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/** `20260612T090000Z`, the UTC form iCalendar's date-time values use. */
const icsInstant = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** UIDs stay the same across exports, so importing a newer file updates events instead of duplicating them. */
const uid = (sessionId: string, step: ExportStep, kind: 'due' | 'review') =>
  `${sessionId}.${step.id.replace(/[^A-Za-z0-9_-]/g, '-')}.${kind}@throughline`;

/** Lone CRs would end an iCalendar line early; the library escapes only LF and CRLF. */
const plain = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * Each step's due date and review date as all-day events (Google Calendar
 * and Outlook both import `METHOD:PUBLISH` files of `VALUE=DATE` events).
 * Intentions are TENTATIVE, tactics CONFIRMED; every event is free time, as
 * a deadline should not block anyone's calendar. DTSTAMP is the export
 * instant, so the file is reproducible for a given `exportedAt`.
 */
export function planToIcs(plan: PlanExport): string {
  const timestamp = Date.parse(plan.exportedAt);
  const events: EventAttributes[] = [];
  for (const { initiative, idea, step } of eachStep(plan)) {
    const description = plain(chainLines(plan, initiative, idea, step).join('\n'));
    const common = {
      description,
      status: step.status === 'tactic' ? ('CONFIRMED' as const) : ('TENTATIVE' as const),
      categories: ['Throughline', step.workType],
      transp: 'TRANSPARENT' as const,
      busyStatus: 'FREE' as const,
      ...(step.updatedAt ? { lastModified: icsInstant(step.updatedAt) } : {}),
      // `timestamp` (DTSTAMP) is supported by the library but missing from its types.
      timestamp,
    };
    if (step.due) {
      events.push({
        ...common,
        uid: uid(plan.session.id, step, 'due'),
        title: `Due: ${stepTitle(step)}`,
        start: dateArray(step.due),
        end: nextDay(step.due),
      } as EventAttributes);
    }
    const review = step.successCheck.reviewDate;
    if (review) {
      const check = [oneLine(step.successCheck.measure), oneLine(step.successCheck.target)].filter(Boolean).join(' → ');
      events.push({
        ...common,
        uid: uid(plan.session.id, step, 'review'),
        title: `Review: ${stepTitle(step)}${check ? ` (${check})` : ''}`,
        start: dateArray(review),
        end: nextDay(review),
      } as EventAttributes);
    }
  }
  const { error, value } = createEvents(events, {
    productId: 'throughline/plan-export',
    method: 'PUBLISH',
    calName: `${oneLine(plan.session.title)} — plan`,
  });
  // The events are built from validated dates and strings; a refusal here is a bug, not bad input.
  if (error || value === null) throw error ?? new Error('ics produced no calendar');
  return value;
}
