import {
  describeMissing,
  type ExportIdea,
  type ExportInitiative,
  type ExportKeptIdea,
  type ExportStep,
  type PlanExport,
  type WorkType,
} from '@throughline/shared';

/**
 * Plain-text wording shared by every format, so Markdown, CSV, iCalendar and
 * PDF describe a step, a score or a check in the same words. Nothing here
 * escapes: each writer escapes for its own syntax.
 */

export const WORK_TYPE_LABEL: Record<WorkType, string> = {
  tactical: 'Tactical',
  operational: 'Operational',
  strategic: 'Strategic',
};

/** One plain line: the writers that need line structure build it themselves. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `2026-06-20 16:00 UTC`: readable on paper and unambiguous across time zones. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** `1 step`, `3 steps`: words that follow the count. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const formatScore = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

export const stepTitle = (s: ExportStep) => oneLine(s.title) || '(untitled step)';

/** `asset: Outline doc; release: Landing page`. */
export const formatOutputs = (s: ExportStep) => s.outputs.map((o) => `${o.kind}: ${oneLine(o.description)}`).join('; ');

/** `Registrations, target >= 200, review on 2026-08-01`, or '' when nothing is set. */
export function formatCheck(s: ExportStep): string {
  const c = s.successCheck;
  const parts = [oneLine(c.measure), c.target.trim() ? `target ${oneLine(c.target)}` : '', c.reviewDate ? `review on ${c.reviewDate}` : ''];
  return parts.filter(Boolean).join(', ');
}

/** `tactic`, or `intention (needs a due date and a success check)`. */
export const formatStatus = (s: ExportStep) => (s.status === 'tactic' ? 'tactic' : `intention (needs ${describeMissing(s.missing)})`);

/** `7 votes from 4 people; score 4.1/5 (Fit 4.5, Cost 3.0)`, or '' when never revealed. */
export function formatSelection(i: ExportIdea): string {
  const sel = i.selection;
  if (!sel) return '';
  const votes = `${plural(sel.votes, 'vote')} from ${plural(sel.voters, 'person', 'people')}`;
  if (sel.score === null) return votes;
  const per = sel.criterionScores.map((c) => `${oneLine(c.criterion)} ${formatScore(c.mean)}`).join(', ');
  return `${votes}; score ${formatScore(sel.score)}/5${per ? ` (${per})` : ''}`;
}

/** Who an idea came from, AI provenance included. */
export function formatOrigin(i: ExportIdea): string {
  if (i.origin === 'person') return `person (${oneLine(i.author) || 'unknown'})`;
  const p = i.provenance;
  return p ? `AI (${p.generator}, ${p.model}, lens ${oneLine(p.lens)}, prompt ${p.promptVersion})` : 'AI';
}

/** `revise: what was learned`. */
export const formatReview = (s: ExportStep) =>
  s.review ? `${s.review.outcome}: ${oneLine(s.review.learned) || '(nothing recorded)'}` : '';

/** The step's own initiative when it names one, else the group its idea is filed under. */
export function stepInitiative(plan: PlanExport, g: ExportInitiative, s: ExportStep): string {
  const own = s.initiativeId ? plan.brief.initiatives.find((i) => i.id === s.initiativeId) : undefined;
  return oneLine(own?.title ?? g.title);
}

/**
 * The step's whole chain as labelled plain-text lines, for places that only
 * hold plain text (an importer's Description, a calendar event's notes).
 */
export function chainLines(plan: PlanExport, g: ExportInitiative, idea: ExportKeptIdea, s: ExportStep): string[] {
  return [
    `Objective: ${oneLine(plan.brief.objective)}`,
    `Initiative: ${stepInitiative(plan, g, s)}`,
    `Idea: ${oneLine(idea.text)}`,
    `Why kept: ${oneLine(idea.decision.rationale) || '(no rationale)'}`,
    ...(idea.decision.servesCriteria.length > 0 ? [`Serves criteria: ${formatServes(idea)}`] : []),
    ...(idea.decision.override ? [`Override: ${formatOverride(idea)}`] : []),
    `Step: ${stepTitle(s)}`,
    `Owner: ${oneLine(s.owner) || '(none yet)'}`,
    `Due: ${s.due ?? '(none yet)'}`,
    `Outputs: ${formatOutputs(s) || '(none defined)'}`,
    `Success check: ${formatCheck(s) || '(none yet)'}`,
    `Feeds metric: ${s.successCheck.metric ? oneLine(s.successCheck.metric) : '(none)'}`,
    `Work type: ${s.workType}`,
    `Status: ${formatStatus(s)}`,
    ...(s.review ? [`Review: ${formatReview(s)}`] : []),
    `From Throughline session ${plan.session.id}: ${oneLine(plan.session.title)}`,
  ];
}

/** Every step with its initiative and idea, in plan order: the rows of the CSV and the events of the calendar. */
export function* eachStep(plan: PlanExport): Generator<{ initiative: ExportInitiative; idea: ExportKeptIdea; step: ExportStep }> {
  for (const initiative of plan.initiatives)
    for (const idea of initiative.ideas) for (const step of idea.steps) yield { initiative, idea, step };
}

/** The decision-rule criteria a kept idea serves, by name: `Strategic fit, Cost to test`. */
export const formatServes = (i: ExportIdea) => i.decision.servesCriteria.map((c) => oneLine(c.criterion)).join(', ');

/** `Kept against the votes and scores: <reason>`, or '' for a decision that followed them. */
export const formatOverride = (i: ExportIdea) =>
  i.decision.override ? `kept against the votes and scores: ${oneLine(i.decision.overrideReason) || '(no reason recorded)'}` : '';

/** One line per strategic metric: what feeds it and how its reviews roll up. */
export function metricRollupLines(plan: PlanExport): string[] {
  return plan.metrics.map((m) => {
    const name = `${oneLine(m.name)}${m.target.trim() ? ` (target ${oneLine(m.target)})` : ''}`;
    if (m.fedBy.length === 0 && m.evidence.length === 0) return `${name}: no step feeds it`;
    const { continue: c, revise: r, stop: s } = m.outcomes;
    const awaiting = m.awaitingReview > 0 ? `; ${m.awaitingReview} awaiting review` : '';
    return `${name}: fed by ${plural(m.fedBy.length, 'step')}; reviews ${c} continue, ${r} revise, ${s} stop${awaiting}`;
  });
}

/** The bridge's loose ends: metrics nothing feeds and steps that feed no metric, as sentences ('' when none). */
export function bridgeGaps(plan: PlanExport): string[] {
  const out: string[] = [];
  if (plan.unfedMetrics.length > 0) out.push(`No step feeds: ${plan.unfedMetrics.map(oneLine).join('; ')}.`);
  if (plan.unlinkedSteps.length > 0) {
    out.push(`Steps that feed no metric: ${plan.unlinkedSteps.map((s) => oneLine(s.title) || '(untitled step)').join('; ')}.`);
  }
  return out;
}

const VERDICT_LABEL = { keep: 'Keep the strategy', adjust: 'Adjust the strategy', replace: 'Replace the strategy' } as const;

/** `Adjust the strategy — 2027-01-05 09:00 UTC, Fran: <reason>`. */
export const formatStrategyCheck = (c: PlanExport['strategyChecks'][number]) =>
  `${VERDICT_LABEL[c.verdict]} — ${formatInstant(c.checkedAt)}, ${oneLine(c.checkedBy)}: ${oneLine(c.reason)}`;
