/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a
 * formula (or, for tab, CR and NUL, shift what the next check sees), plus
 * their full-width forms, which East Asian Excel turns into formulas too.
 * OWASP's and ASVS 1.2.10's CSV injection guidance: prefix such a cell with
 * a single quote, which those programs treat as "this is text" and
 * importers keep as a visible quote.
 */
const FORMULA_START = /^[=+\-@\t\r\0＝＋－＠]/;

/** One line that cannot run as a formula; leading spaces are looked past, as some programs trim them first. */
const neutraliseLine = (line: string) => (FORMULA_START.test(line) || FORMULA_START.test(line.trimStart()) ? `'${line}` : line);

/**
 * A cell that cannot run as a formula, whatever its line structure: every
 * line that starts like a formula gets the quote, not only the first. A
 * correct CSV reader keeps the cell whole, but a sloppy one (or a person
 * pasting one line) starts a new cell at a line break, and that cell must
 * be as inert as the first. Line breaks become LF first, so a lone CR
 * cannot hide a line start from the check.
 */
export function neutraliseFormula(value: string): string {
  return value.replace(/\r\n?/g, '\n').split('\n').map(neutraliseLine).join('\n');
}
