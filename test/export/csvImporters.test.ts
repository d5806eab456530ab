import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_VARIANT_NAMES, CSV_VARIANTS } from '../../server/src/export/csvVariants.ts';
import { planToCsv } from '../../server/src/export/planToCsv.ts';
import { HOSTILE_TEXTS, hostilePlan, LONG_IDEA } from './hostilePlan.ts';
import { parseCsv } from './parseCsv.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const BOM = '\ufeff';

/** Python's own csv module, reading the bytes as a spreadsheet user's script would (`utf-8-sig` drops a BOM). */
function pythonCsv(csv: string): string[][] {
  const script =
    'import csv,io,json,sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: Buffer.from(csv, 'utf8'), encoding: 'utf8' }));
}

/** papaparse with its defaults (delimiter and line-end detection on), as browser-side importers use it. */
function papaCsv(csv: string): string[][] {
  const r = Papa.parse<string[]>(csv.startsWith(BOM) ? csv.slice(1) : csv, { skipEmptyLines: false });
  expect(r.errors).toEqual([]);
  // papaparse reports the final CRLF as one empty trailing record.
  return r.data.at(-1)?.join('') === '' ? r.data.slice(0, -1) : r.data;
}

const FORMULA_LINE = /^\s*[=+\-@\t\r]/;
const plan = hostilePlan();
const steps = plan.initiatives.flatMap((g) => g.ideas.flatMap((i) => i.steps));

describe.each(CSV_VARIANT_NAMES)('CSV variant %s of the hostile session', (variant) => {
  const csv = planToCsv(plan, variant);
  const headers = CSV_VARIANTS[variant].columns.map(([h]) => h);

  it('reads back identically in a strict RFC 4180 reader, papaparse and Python csv', () => {
    const strict = parseCsv(csv.startsWith(BOM) ? csv.slice(1) : csv);
    expect(strict).toHaveLength(steps.length + 1);
    expect(strict[0]).toEqual(headers);
    for (const row of strict) expect(row).toHaveLength(headers.length);
    expect(papaCsv(csv)).toEqual(strict);
    expect(pythonCsv(csv)).toEqual(strict);
  });

  it('keeps each hostile text in its own cell, line breaks as LF, and no line of any cell starts a formula', () => {
    const [, ...rows] = parseCsv(csv.startsWith(BOM) ? csv.slice(1) : csv);
    // Titles are one line (no tracker takes a line break in a title).
    const titles = rows.map((r) => r[0]);
    for (const t of [
      HOSTILE_TEXTS.quotes,
      HOSTILE_TEXTS.commas,
      HOSTILE_TEXTS.arabic,
      HOSTILE_TEXTS.japanese,
      HOSTILE_TEXTS.emoji,
      HOSTILE_TEXTS.html,
    ])
      expect(titles).toContain(t);
    expect(titles).toContain("Harmless first line =cmd|' /C calc'!A0");
    expect(titles).toContain("'+1+1 hidden behind a tab");
    // Multi-line text keeps its lines, and a formula on any line is neutralised.
    const measure = headers.indexOf('Measure');
    if (measure >= 0) {
      const measures = rows.map((r) => r[measure]);
      expect(measures).toContain('Windows line\nsecond Windows line');
      expect(measures).toContain('Old Mac line\nsecond old Mac line');
      expect(measures).toContain("Harmless first line\n'=cmd|' /C calc'!A0");
      expect(measures).toContain("Looks fine\n'@SUM(1+1)");
      expect(measures).toContain("'\t+1+1 hidden behind a tab");
    }
    for (const cell of rows.flat()) for (const line of cell.split('\n')) expect(line).not.toMatch(FORMULA_LINE);
    expect(rows.flat().join('')).not.toContain('\r');
  });

  it(`matches golden/hostile.${variant}.csv`, () => {
    const file = join(GOLDEN_DIR, `hostile.${variant}.csv`);
    if (update) writeFileSync(file, csv);
    expect(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(csv).toBe(readFileSync(file, 'utf8'));
  });
});

describe('CSV variants', () => {
  it('name their columns for their importer', () => {
    expect(planToCsv(plan, 'jira').split('\r\n')[0]?.split(',').slice(0, 5)).toEqual([
      'Summary',
      'Description',
      'Assignee',
      'Due Date',
      'Labels',
    ]);
    expect(planToCsv(plan, 'asana').split('\r\n')[0]?.split(',').slice(0, 5)).toEqual([
      'Name',
      'Description',
      'Section',
      'Assignee',
      'Due Date',
    ]);
    expect(planToCsv(plan, 'linear').split('\r\n')[0]).toBe('Title,Description,Assignee,Labels');
  });

  it('gives Excel a UTF-8 byte-order mark and nobody else one', () => {
    expect(planToCsv(plan, 'excel').startsWith(`${BOM}Summary,`)).toBe(true);
    for (const v of ['jira', 'asana', 'linear'] as const) expect(planToCsv(plan, v).startsWith(BOM)).toBe(false);
    expect(planToCsv(plan, 'excel').slice(1)).toBe(planToCsv(plan, 'jira'));
  });

  it('carries the 2,000-character idea whole', () => {
    const [header, first] = parseCsv(planToCsv(plan, 'jira'));
    expect(first?.[header?.indexOf('Idea') ?? -1]).toBe(LONG_IDEA);
  });
});
