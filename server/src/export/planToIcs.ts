import type { ExportKeptIdea, ExportStep, PlanExport } from '@throughline/shared';
import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { chainLines, eachStep, oneLine, stepTitle } from './exportText.ts';

/** A date as UTC midnight: all-day values are written from the UTC date, whatever the server's time zone. */
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The day after `iso`: all-day events end (exclusively) there, which Outlook needs to show one day, not zero. */
const nextDay = (iso: string) => {
  const t = utcDay(iso);
  t.setUTCDate(t.getUTCDate() + 1);
  return t;
};

/** UIDs stay the same across exports, so importing a newer file updates events instead of duplicating them. */
const uid = (sessionId: string, step: ExportStep, kind: 'due' | 'review') =>
  `${sessionId}.${step.id.replace(/[^A-Za-z0-9_-]/g, '-')}.${kind}@throughline`;

/** Lone CRs would end an iCalendar line early; the library escapes LF and CRLF only. */
const plain = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * RFC 5545 TEXT escaping (§3.3.11). The library escapes event properties
 * itself but writes the calendar name (`NAME`, `X-WR-CALNAME`) verbatim, so a
 * `;` or `,` in a session title would cut the name in strict readers.
 */
const escapeText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, '\\n');

/** SEQUENCE counts seconds from here, so it only grows as the plan is edited (and fits a 32-bit integer until 2092). */
const SEQUENCE_EPOCH = Date.parse('2024-01-01T00:00:00Z');

/**
 * When the event's content last changed: the step's own edit, the decision
 * on its idea, its review, or the latest finalisation (which publishes the
 * brief's text too). An export of an unchanged plan thus gives byte-identical
 * events, and any change moves DTSTAMP and SEQUENCE forward, which is what
 * calendar apps compare to decide that a re-imported event replaces theirs.
 */
function lastChange(plan: PlanExport, idea: ExportKeptIdea, step: ExportStep): Date {
  const instants = [step.updatedAt, idea.decision.decidedAt, step.review?.recordedAt, plan.finalised?.finalisedAt]
    .filter((t): t is string => !!t)
    .map(Date.parse);
  return new Date(instants.length ? Math.max(...instants) : Date.parse(plan.session.createdAt ?? plan.exportedAt));
}

/**
 * Each step's due date and review date as all-day events (Google Calendar,
 * Outlook and Apple Calendar import `METHOD:PUBLISH` files of `VALUE=DATE`
 * events). Intentions are TENTATIVE, tactics CONFIRMED; every event is free
 * time, as a deadline should not block anyone's calendar. ical-generator
 * folds lines at 75 octets without splitting a UTF-8 character and escapes
 * every event text property.
 */
export function planToIcs(plan: PlanExport): string {
  const calendar = ical({
    prodId: { company: 'Throughline', product: 'plan-export', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(`${oneLine(plan.session.title)} — plan`),
  });
  for (const { initiative, idea, step } of eachStep(plan)) {
    const changed = lastChange(plan, idea, step);
    const common = {
      description: plain(chainLines(plan, initiative, idea, step).join('\n')),
      status: step.status === 'tactic' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      categories: [{ name: 'Throughline' }, { name: step.workType }],
      transparency: ICalEventTransparency.TRANSPARENT,
      busystatus: ICalEventBusyStatus.FREE,
      allDay: true,
      stamp: changed,
      lastModified: changed,
      sequence: Math.max(0, Math.floor((changed.getTime() - SEQUENCE_EPOCH) / 1000)),
    };
    if (step.due) {
      calendar.createEvent({
        ...common,
        id: uid(plan.session.id, step, 'due'),
        summary: `Due: ${stepTitle(step)}`,
        start: utcDay(step.due),
        end: nextDay(step.due),
      });
    }
    const review = step.successCheck.reviewDate;
    if (review) {
      const check = [oneLine(step.successCheck.measure), oneLine(step.successCheck.target)].filter(Boolean).join(' → ');
      calendar.createEvent({
        ...common,
        id: uid(plan.session.id, step, 'review'),
        summary: `Review: ${stepTitle(step)}${check ? ` (${check})` : ''}`,
        start: utcDay(review),
        end: nextDay(review),
      });
    }
  }
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves it off.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
