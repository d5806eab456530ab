import type { ExportInitiative, ExportKeptIdea, ExportStep, PlanExport } from '@throughline/shared';
import { chainLines, formatOutputs, formatScore, formatServes, oneLine, stepInitiative, stepTitle } from './exportText.ts';

/** What one CSV row is about: a next step with its chain. */
export interface StepRow {
  plan: PlanExport;
  initiative: ExportInitiative;
  idea: ExportKeptIdea;
  step: ExportStep;
}

/** A column: the header an importer matches on, and the cell for a step. */
export type CsvColumn = readonly [header: string, cell: (r: StepRow) => string];

const description = (r: StepRow) => chainLines(r.plan, r.initiative, r.idea, r.step).join('\n');

/** The chain as separate columns, for custom fields or a spreadsheet. Headers carry no punctuation (Jira's wizard asks for that). */
const CHAIN_COLUMNS: readonly CsvColumn[] = [
  ['Objective', (r) => r.plan.brief.objective],
  ['Initiative', (r) => stepInitiative(r.plan, r.initiative, r.step)],
  ['Idea', (r) => r.idea.text],
  ['Rationale', (r) => r.idea.decision.rationale],
  ['Serves Criteria', (r) => formatServes(r.idea)],
  ['Override Reason', (r) => (r.idea.decision.override ? r.idea.decision.overrideReason || '(no reason recorded)' : '')],
  ['Outputs', (r) => formatOutputs(r.step)],
  ['Measure', (r) => r.step.successCheck.measure],
  ['Target', (r) => r.step.successCheck.target],
  ['Feeds Metric', (r) => r.step.successCheck.metric ?? ''],
  ['Review Date', (r) => r.step.successCheck.reviewDate ?? ''],
  ['Work Type', (r) => r.step.workType],
  ['Step Status', (r) => r.step.status],
  ['Review Outcome', (r) => r.step.review?.outcome ?? ''],
  ['Votes', (r) => (r.idea.selection ? String(r.idea.selection.votes) : '')],
  ['Score', (r) => (r.idea.selection?.score != null ? formatScore(r.idea.selection.score) : '')],
  ['Step ID', (r) => r.step.id],
  ['Idea ID', (r) => r.idea.id],
  ['Session ID', (r) => r.plan.session.id],
];

/**
 * The full file: Jira's field names first (`Summary` is the one column its
 * importer requires), then the whole chain. Also what a spreadsheet gets.
 */
const FULL_COLUMNS: readonly CsvColumn[] = [
  ['Summary', (r) => stepTitle(r.step)],
  ['Description', description],
  ['Assignee', (r) => oneLine(r.step.owner)],
  ['Due Date', (r) => r.step.due ?? ''],
  // Jira labels cannot contain spaces; work types never do.
  ['Labels', (r) => r.step.workType],
  ...CHAIN_COLUMNS,
];

export interface CsvVariant {
  columns: readonly CsvColumn[];
  /** A UTF-8 byte-order mark: Excel needs it to read UTF-8; importers would take it as part of the first header. */
  bom: boolean;
}

/**
 * One file per destination, each with the headers its importer reads
 * (docs/export.md says which, and what each importer ignores):
 * - `jira` (the default): Jira's CSV wizard maps `Summary`, `Description`,
 *   `Assignee`, `Due Date`, `Labels` by name and can turn the rest into custom fields.
 * - `asana`: Asana's CSV importer auto-maps `Name`, `Description`,
 *   `Section`, `Assignee`, `Due Date` and wants the task name first.
 * - `linear`: the "Linear (CSV)" importer of Linear's import tool reads
 *   `Title`, `Description`, `Assignee`, `Labels` (and expects the `Labels`
 *   column to exist); it has no due-date column, so the date stays in the description.
 * - `excel`: the full file with a byte-order mark, so Excel shows non-ASCII text.
 */
export const CSV_VARIANTS = {
  jira: { columns: FULL_COLUMNS, bom: false },
  asana: {
    columns: [
      ['Name', (r) => stepTitle(r.step)],
      ['Description', description],
      ['Section', (r) => stepInitiative(r.plan, r.initiative, r.step)],
      ['Assignee', (r) => oneLine(r.step.owner)],
      ['Due Date', (r) => r.step.due ?? ''],
      ['Work Type', (r) => r.step.workType],
      ['Step Status', (r) => r.step.status],
      ['Measure', (r) => r.step.successCheck.measure],
      ['Target', (r) => r.step.successCheck.target],
      ['Review Date', (r) => r.step.successCheck.reviewDate ?? ''],
      ['Step ID', (r) => r.step.id],
    ],
    bom: false,
  },
  linear: {
    columns: [
      ['Title', (r) => stepTitle(r.step)],
      ['Description', description],
      ['Assignee', (r) => oneLine(r.step.owner)],
      // The importer splits labels on ", "; one work type per step.
      ['Labels', (r) => r.step.workType],
    ],
    bom: false,
  },
  excel: { columns: FULL_COLUMNS, bom: true },
} as const satisfies Record<string, CsvVariant>;

export type CsvVariantName = keyof typeof CSV_VARIANTS;
export const CSV_VARIANT_NAMES = Object.keys(CSV_VARIANTS) as CsvVariantName[];
export const isCsvVariant = (v: unknown): v is CsvVariantName => typeof v === 'string' && Object.hasOwn(CSV_VARIANTS, v);
