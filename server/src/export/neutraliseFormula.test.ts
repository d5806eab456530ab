import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './neutraliseFormula.ts';

describe('neutraliseFormula', () => {
  it.each([
    '=HYPERLINK("http://evil.example","click")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '  =1+1',
    '\u00a0=1+1',
    '\0=1+1',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
  ])('turns %j into text a spreadsheet will not evaluate', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`);
  });

  it('neutralises every line that starts like a formula, not only the first', () => {
    expect(neutraliseFormula("Looks harmless\n=cmd|' /C calc'!A0")).toBe("Looks harmless\n'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('a\r\n@SUM(1+1)\rb\n  -2')).toBe("a\n'@SUM(1+1)\nb\n'  -2");
    expect(neutraliseFormula('\n+1')).toBe("\n'+1");
    // A CR at the very start is a line break too: what follows it is checked as a line.
    expect(neutraliseFormula('\r=1+1')).toBe("\n'=1+1");
  });

  it('leaves other values untouched', () => {
    for (const v of [
      '',
      'Plain text',
      '2026-07-15',
      'a=b',
      'x-y',
      "'already quoted",
      'e-mail@example.com',
      'two\nlines',
      'مرحبا',
      '会議 📅',
    ])
      expect(neutraliseFormula(v)).toBe(v);
  });
});
