import type { PlanExport } from '@throughline/shared';
import { stringify } from 'csv-stringify/sync';
import { CSV_VARIANTS, type CsvVariantName, type StepRow } from './csvVariants.ts';
import { eachStep } from './exportText.ts';
import { neutraliseFormula } from './neutraliseFormula.ts';

/** The default file's headers, in order (see `CSV_VARIANTS.jira`). */
export const CSV_COLUMNS = CSV_VARIANTS.jira.columns.map(([header]) => header);

const BOM = '\ufeff';

/**
 * One row per next step, with its whole chain, in the columns `variant`'s
 * importer reads. RFC 4180: comma-separated, CRLF between records, and a
 * field quoted whenever it holds a comma, a quote, CR or LF (csv-stringify
 * on its own quotes only the record delimiter, so a bare LF would have split
 * the record in every strict reader). Line breaks inside a cell are LF, as
 * spreadsheets write them. Every cell is neutralised against formula injection.
 */
export function planToCsv(plan: PlanExport, variant: CsvVariantName = 'jira'): string {
  const { columns, bom } = CSV_VARIANTS[variant];
  const rows: string[][] = [];
  for (const at of eachStep(plan)) {
    const row: StepRow = { plan, ...at };
    rows.push(columns.map(([, cell]) => neutraliseFormula(cell(row))));
  }
  const csv = stringify([columns.map(([header]) => header), ...rows], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
  return bom ? BOM + csv : csv;
}
