import type { PlanExport } from '@throughline/shared';
import { stringify } from 'csv-stringify/sync';
import { chainLines, eachStep, formatOutputs, formatScore, oneLine, stepInitiative, stepTitle } from './exportText.ts';
import { neutraliseFormula } from './neutraliseFormula.ts';

/**
 * The CSV columns, in order. The first five carry the names the Jira, Linear
 * and Asana importers map by themselves: `Summary` is Jira's required title
 * (and Linear reads Jira-style CSV); Asana takes the first column as the task
 * name and maps `Description`, `Assignee` and `Due Date` by name. The rest is
 * the chain, for custom fields or to leave out; `Description` repeats it as
 * text so an import that keeps only the mapped columns still has it.
 * docs/export.md documents the mapping: renaming a column breaks imports.
 */
export const CSV_COLUMNS = [
  'Summary',
  'Description',
  'Assignee',
  'Due Date',
  'Labels',
  'Objective',
  'Initiative',
  'Idea',
  'Rationale',
  'Outputs',
  'Measure',
  'Target',
  'Review Date',
  'Work Type',
  'Step Status',
  'Review Outcome',
  'Votes',
  'Score',
  'Step ID',
  'Idea ID',
  'Session ID',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * One row per next step, with its whole chain (objective → initiative → idea
 * → rationale → owner, due, check). RFC 4180 through csv-stringify: CRLF line
 * ends, fields quoted when they hold a comma, quote or line break; UTF-8
 * without a byte-order mark, which importers would read as part of the first
 * column's name. Every text cell is neutralised against formula injection.
 */
export function planToCsv(plan: PlanExport): string {
  const rows: Row[] = [];
  for (const { initiative, idea, step } of eachStep(plan)) {
    rows.push({
      Summary: stepTitle(step),
      Description: chainLines(plan, initiative, idea, step).join('\n'),
      Assignee: oneLine(step.owner),
      'Due Date': step.due ?? '',
      // Jira labels cannot contain spaces; work types never do.
      Labels: step.workType,
      Objective: plan.brief.objective,
      Initiative: stepInitiative(plan, initiative, step),
      Idea: idea.text,
      Rationale: idea.decision.rationale,
      Outputs: formatOutputs(step),
      Measure: step.successCheck.measure,
      Target: step.successCheck.target,
      'Review Date': step.successCheck.reviewDate ?? '',
      'Work Type': step.workType,
      'Step Status': step.status,
      'Review Outcome': step.review?.outcome ?? '',
      Votes: idea.selection ? String(idea.selection.votes) : '',
      Score: idea.selection?.score != null ? formatScore(idea.selection.score) : '',
      'Step ID': step.id,
      'Idea ID': idea.id,
      'Session ID': plan.session.id,
    });
  }
  const safe = rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, neutraliseFormula(r[c].replace(/\r\n?/g, '\n'))])));
  return stringify(safe, {
    header: true,
    columns: CSV_COLUMNS.map((c) => ({ key: c, header: c })),
    record_delimiter: 'windows',
  });
}
