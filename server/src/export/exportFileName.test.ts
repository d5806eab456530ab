import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName } from './exportFileName.ts';

const day = new Date('2026-10-02T23:59:00Z');

describe('exportFileName', () => {
  it('carries the session title and the export date', () => {
    expect(exportFileName('Enterprise consideration', day, 'pdf')).toBe('Enterprise consideration - 2026-10-02.pdf');
  });

  it('removes characters no file system accepts and never yields an empty or hidden name', () => {
    expect(exportFileName('Q3: "Gov" <b>EMEA</b> a/b\\c|d?*', day, 'md')).toBe('Q3 Gov bEMEAb abcd - 2026-10-02.md');
    expect(exportFileName('  ...  ', day, 'csv')).toBe('Throughline plan - 2026-10-02.csv');
    expect(exportFileName('line\nbreak\u0007', day, 'ics')).toBe('line break - 2026-10-02.ics');
  });

  it('keeps a long title to 80 characters', () => {
    const name = exportFileName('w'.repeat(200), day, 'json');
    expect(name).toBe(`${'w'.repeat(80)} - 2026-10-02.json`);
  });
});

describe('contentDisposition', () => {
  it('gives the exact UTF-8 name to browsers and an ASCII fallback to older clients', () => {
    const h = contentDisposition('Stratégie «Q3» - 2026-10-02.md');
    expect(h).toBe(
      `attachment; filename="Strategie _Q3_ - 2026-10-02.md"; filename*=UTF-8''Strat%C3%A9gie%20%C2%ABQ3%C2%BB%20-%202026-10-02.md`,
    );
    expect(decodeURIComponent(h.split("UTF-8''")[1] ?? '')).toBe('Stratégie «Q3» - 2026-10-02.md');
  });
});
