/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a
 * formula (or, for tab and CR, shift what the next check sees). OWASP's CSV
 * injection guidance: prefix such a cell with a single quote, which those
 * programs treat as "this is text" and importers keep as a visible quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that cannot run as a formula. Leading spaces are looked past,
 * because some spreadsheet programs trim them before deciding.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) || FORMULA_START.test(value.trimStart()) ? `'${value}` : value;
}
