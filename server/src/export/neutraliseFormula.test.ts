import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './neutraliseFormula.ts';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '  =1+1'])(
    'turns %j into text a spreadsheet will not evaluate',
    (v) => {
      expect(neutraliseFormula(v)).toBe(`'${v}`);
    },
  );

  it('leaves other values untouched', () => {
    for (const v of ['', 'Plain text', '2026-07-15', 'a=b', 'x-y', "'already quoted", 'e-mail@example.com'])
      expect(neutraliseFormula(v)).toBe(v);
  });
});
