import type { Decision, Verdict } from '@throughline/shared';

/**
 * How a decided note is marked after selection, on the board, in its PNG and
 * in the list view: a short label on a coloured tab, so the board itself shows
 * what was kept, parked and dropped. Colours pass AA with white text.
 */
export const VERDICT_BADGE: Record<Verdict, { label: string; fill: string }> = {
  keep: { label: '✓ Kept', fill: '#2b8a3e' },
  park: { label: '‖ Parked', fill: '#a14d00' },
  drop: { label: '✗ Dropped', fill: '#495057' },
};

/** Board units the tab takes at a note's top-right corner. */
export const BADGE_SIZE = { width: 78, height: 18 } as const;

/** Decisions by idea id, for drawing each note's badge. */
export const decisionsByIdea = (decisions: readonly Decision[]): ReadonlyMap<string, Decision> =>
  new Map(decisions.map((d) => [d.ideaId as string, d]));

/** The hover text of a decided note: verdict, then the rationale (and the override reason when kept against the votes). */
export function verdictTitle(d: Decision): string {
  const why = [d.rationale, d.override && d.overrideReason ? `Kept against the votes: ${d.overrideReason}` : ''].filter(Boolean);
  return `${VERDICT_BADGE[d.verdict].label}${why.length ? ` — ${why.join(' · ')}` : ''}`;
}
