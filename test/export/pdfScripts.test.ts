import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportKeptIdea, PlanExport } from '@throughline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToPdf } from '../../server/src/export/planToPdf.ts';
import { fixturePlan } from './exportFixture.ts';
import { HOSTILE_TEXTS, hostilePlan } from './hostilePlan.ts';
import { pdfText, renderPdfPagePng, renderPdfPages } from './pdfPages.ts';

/** Runs a poppler tool on the PDF and returns its output. */
function poppler(tool: string, args: string[], pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-'));
  try {
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    return execFileSync(tool, [...args, join(dir, 'plan.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PDF of the hostile session', () => {
  let pdf: Uint8Array;
  let text: string;
  beforeAll(async () => {
    pdf = await planToPdf(hostilePlan());
    text = pdfText(pdf);
  }, 60_000);

  it('extracts the Chinese, Japanese, Korean, Hebrew and emoji texts as typed', () => {
    for (const t of [HOSTILE_TEXTS.chinese, HOSTILE_TEXTS.japanese, HOSTILE_TEXTS.korean, HOSTILE_TEXTS.emoji, 'להגדיל את המכירות בישראל'])
      expect(text).toContain(t);
  });

  it('prints every page (page 1 kept as test-results/export/hostile-page1.png to look at)', () => {
    const dir = join(import.meta.dirname, '../../test-results/export');
    mkdirSync(dir, { recursive: true });
    renderPdfPagePng(pdf, 1, join(dir, 'hostile-page1.png'));
    const pages = renderPdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p.ink).toBeGreaterThan(0.001);
  });

  it('extracts the Arabic text as typed, letter for letter', () => {
    // Everything up to الأوسط: poppler reverses the two letters of the mandatory lam-alef ligature when it
    // puts a right-to-left line back in logical order, whatever font the PDF uses.
    expect(text).toContain('زيادة المبيعات في الشرق');
    expect(text).toContain('بنسبة');
  });

  it('embeds subsets of the CJK, Hangul, emoji, Arabic and Hebrew faces, and no unembedded font', () => {
    const rows = poppler('pdffonts', [], pdf).split('\n').slice(2).filter(Boolean);
    const names = rows.map((r) => r.split(/\s+/)[0] ?? '');
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansSC', 'NotoSansKR', 'NotoEmoji', 'Vazirmatn', 'NotoSansHebrew'])
      expect(
        names.some((n) => n.includes(face)),
        face,
      ).toBe(true);
    // Columns: name type encoding emb sub uni object-id; every font embedded, subset, with a Unicode map.
    for (const r of rows) expect(r, r).toMatch(/\syes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    // Subsetting keeps the file small although the CJK fonts are 10 MB each.
    expect(pdf.byteLength).toBeLessThan(400_000);
  });

  it('is a tagged PDF 1.7 with a title and language, headings and lists in the structure tree', () => {
    const info = poppler('pdfinfo', [], pdf);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Title:\s+Q3; "Plan", EMEA\\APAC — 計画 🚀$/m);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(en\)/);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const tree = poppler('pdfinfo', ['-struct-text'], pdf);
    expect(tree).toMatch(/^ {2}H1 \(block\)\n {4}"Q3; "Plan", EMEA\\APAC — 計画 🚀"$/m);
    for (const tag of ['H2', 'H3', 'H4', 'L', 'LI', 'Lbl', 'LBody', 'Sect'])
      expect(tree).toMatch(new RegExp(`^ +${tag}( \\(block\\))?$`, 'm'));
    // Footers and decoration are artifacts: the page number is not read as content.
    expect(tree).not.toContain('page 1 of');
  });
});

/** A plan whose page breaks fall somewhere else for every `filler`: many ideas, each with a rationale and steps. */
function shiftedPlan(filler: number): PlanExport {
  const plan = fixturePlan();
  const template = plan.initiatives[0]?.ideas[0];
  if (!template) throw new Error('the fixture has a kept idea');
  const idea = (k: number, steps: number): ExportKeptIdea => ({
    ...template,
    id: `idea:k${k}`,
    text: `Idea ${k} ${'with a longer title '.repeat(k % 3)}`.trim(),
    decision: { ...template.decision, rationale: `Rationale ${k}` },
    steps: Array.from({ length: steps }, (_, j) => ({
      ...(template.steps[0] as ExportKeptIdea['steps'][number]),
      id: `s:${k}.${j}`,
      title: `Step ${k}.${j + 1}`,
    })),
  });
  plan.initiatives = [1, 2, 3].map((n) => ({
    id: `init:${n}`,
    title: `Theme ${n}`,
    description: '',
    ideas: Array.from({ length: 4 }, (_, m) => idea(n * 10 + m, n === 1 && m === 0 ? filler : 1 + (m % 3))),
  }));
  return plan;
}

describe('PDF page breaks', () => {
  it('never leave an initiative or idea heading, or a rationale, at the foot of a page away from its first step', async () => {
    let breaksChecked = 0;
    for (let filler = 0; filler <= 6; filler++) {
      const pages = pdfText(await planToPdf(shiftedPlan(filler))).split('\f');
      pages.forEach((page, n) => {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        // The last line is the footer; the one before it is the last of the content.
        const last = lines.at(-2) ?? '';
        if (n < pages.length - 2) breaksChecked++;
        expect(last, `filler ${filler}, page ${n + 1}`).not.toMatch(/^(Initiative: Theme|Idea \d+|Why kept: |\d+ votes? from|Plan$)/);
        // Every idea's rationale shares its page with the idea's first step.
        for (const m of page.matchAll(/Why kept: Rationale (\d+)/g))
          expect(page, `filler ${filler}: idea ${m[1]}`).toContain(filler === 0 && m[1] === '10' ? 'No next steps yet.' : `Step ${m[1]}.1`);
      });
    }
    expect(breaksChecked).toBeGreaterThan(7);
  }, 120_000);
});
