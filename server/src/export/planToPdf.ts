import { existsSync } from 'node:fs';
import { type ExportIdea, type ExportKeptIdea, type PlanExport, WORK_TYPES } from '@throughline/shared';
import PDFDocument from 'pdfkit';
import {
  bridgeGaps,
  formatCheck,
  formatInstant,
  formatOrigin,
  formatOutputs,
  formatOverride,
  formatReview,
  formatSelection,
  formatServes,
  formatStatus,
  formatStrategyCheck,
  metricRollupLines,
  oneLine,
  plural,
  stepInitiative,
  stepTitle,
  WORK_TYPE_LABEL,
} from './exportText.ts';

/**
 * Fonts with wide Unicode coverage (accents, dashes, arrows, Cyrillic…),
 * looked for where Debian and most Linux images put them. pdfkit's built-in
 * Helvetica only encodes WinAnsi, so without these some user text would
 * print as gibberish; with it as a fallback the PDF still always renders.
 */
const FONT_CANDIDATES = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  },
];

const COLORS = {
  text: '#212529',
  muted: '#5c636a',
  rule: '#ced4da',
  intention: '#b35c00',
  tactic: '#2b8a3e',
  work: { tactical: '#1971c2', operational: '#0c8599', strategic: '#7048e8' },
} as const;

const MARGIN = 50;

/**
 * The plan as a printable A4 document: the brief at the top of page one,
 * then the chain (initiative → kept idea → steps), the work-type balance and
 * the parked and dropped ideas, continuing onto further pages as needed. A
 * step is never split across pages, and every page carries the plan's title
 * and "page n of m" so loose sheets can be put back in order.
 */
export function planToPdf(plan: PlanExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: oneLine(plan.session.title) || 'Plan',
      Subject: oneLine(plan.brief.objective),
      Creator: 'Throughline',
      CreationDate: new Date(plan.exportedAt),
    },
  });
  const fonts = FONT_CANDIDATES.find((f) => existsSync(f.regular) && existsSync(f.bold));
  if (fonts) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  } else {
    doc.registerFont('regular', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page unless `height` more points fit on this one. */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const text = (s: string, size: number, opts: { bold?: boolean; color?: string; gap?: number; indent?: number } = {}) => {
    doc
      .font(opts.bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(opts.color ?? COLORS.text);
    doc.text(s, MARGIN + (opts.indent ?? 0), doc.y, { width: width - (opts.indent ?? 0) });
    if (opts.gap) doc.moveDown(opts.gap);
  };
  const labelled = (label: string, value: string, indent = 0) => {
    if (!value) return;
    doc.font('bold').fontSize(9.5).fillColor(COLORS.text);
    doc.text(`${label}: `, MARGIN + indent, doc.y, { width: width - indent, continued: true });
    doc.font('regular').text(value);
  };
  const heading = (s: string, size: number) => {
    keep(size * 4);
    doc.moveDown(0.6);
    text(s, size, { bold: true, gap: 0.25 });
  };
  const rule = () => {
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.moveDown(0.5);
  };

  // Title and status.
  text(oneLine(plan.session.title) || 'Plan', 20, { bold: true, gap: 0.2 });
  const fin = plan.finalised;
  text(
    `${fin ? `Finalised (revision ${fin.revision}) ${formatInstant(fin.finalisedAt)} by ${oneLine(fin.finalisedBy)}` : 'Draft — not finalised'}` +
      ` · exported ${formatInstant(plan.exportedAt)} · ${plural(plan.totals.keptIdeas, 'kept idea')}, ${plural(plan.totals.steps, 'step')}` +
      ` (${plural(plan.totals.tactics, 'tactic')}, ${plural(plan.totals.intentions, 'intention')})`,
    8.5,
    { color: COLORS.muted, gap: 0.6 },
  );

  // The brief: what every step below must trace back to.
  const b = plan.brief;
  doc.font('bold').fontSize(13).fillColor(COLORS.text).text('Objective', MARGIN, doc.y, { width });
  text(oneLine(b.objective), 12, { gap: 0.4 });
  labelled('Audience', oneLine(b.audience));
  labelled('Horizon', oneLine(b.horizon));
  labelled(
    'Decision rule',
    [oneLine(b.decisionRule.rule), b.decisionRule.criteria.map((c) => `${oneLine(c.name)} ×${c.weight}`).join(', ')]
      .filter(Boolean)
      .join(' — '),
  );
  labelled('Constraints', b.constraints.map(oneLine).join(' · '));
  labelled('Success metrics', plan.metrics.map((m) => `${oneLine(m.name)}${m.target.trim() ? ` (${oneLine(m.target)})` : ''}`).join(' · '));
  doc.moveDown(0.5);
  rule();

  // The chain.
  const idea = (i: ExportKeptIdea, initiativeId: string | null) => {
    keep(70);
    doc.moveDown(0.3);
    text(oneLine(i.text) || '(empty note)', 11, { bold: true, gap: 0.1 });
    labelled('Why kept', oneLine(i.decision.rationale) || '(no rationale)');
    if (formatServes(i)) labelled('Serves', formatServes(i));
    if (i.decision.override) labelled('Override', formatOverride(i));
    const facts = [formatSelection(i), i.cluster ? `cluster ${oneLine(i.cluster)}` : '', formatOrigin(i)];
    text(facts.filter(Boolean).join(' · '), 8.5, { color: COLORS.muted, gap: 0.3 });
    if (i.steps.length === 0) text('No next steps yet.', 9.5, { color: COLORS.intention, gap: 0.3 });
    for (const s of i.steps) {
      const lines: [string, string][] = [
        ['Owner', oneLine(s.owner) || '—'],
        ['Due', s.due ?? '—'],
        ['Outputs', formatOutputs(s)],
        ['Success check', (formatCheck(s) || '—') + (s.reviewDue ? ' (review due)' : '')],
        ['Feeds metric', s.successCheck.metric ? oneLine(s.successCheck.metric) : ''],
        ['Work type', s.workType],
        ['Review', formatReview(s)],
      ];
      if (s.initiativeId && s.initiativeId !== initiativeId)
        lines.push(['Initiative', stepInitiative(plan, { id: initiativeId, title: '', description: '', ideas: [] }, s)]);
      doc.font('regular').fontSize(9.5);
      const need =
        doc.heightOfString(stepTitle(s), { width: width - 14 }) +
        lines.reduce((h, [k, v]) => h + (v ? doc.heightOfString(`${k}: ${v}`, { width: width - 14 }) : 0), 0) +
        12;
      keep(need);
      const top = doc.y;
      doc
        .font('bold')
        .fontSize(10)
        .fillColor(COLORS.text)
        .text(`${stepTitle(s)}   `, MARGIN + 14, doc.y, { width: width - 14, continued: true });
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(s.status === 'tactic' ? COLORS.tactic : COLORS.intention)
        .text(formatStatus(s).toUpperCase());
      for (const [k, v] of lines) labelled(k, v, 14);
      // A bar in the work type's colour ties each step visually to the balance chart.
      doc.rect(MARGIN + 4, top, 3, doc.y - top).fill(COLORS.work[s.workType]);
      doc.moveDown(0.4);
    }
  };
  heading('Plan', 15);
  for (const g of plan.initiatives) {
    heading(g.id ? `Initiative: ${oneLine(g.title)}` : oneLine(g.title), 13);
    if (g.description.trim()) text(oneLine(g.description), 9.5, { color: COLORS.muted, gap: 0.2 });
    if (g.ideas.length === 0) text('No kept idea serves this initiative yet.', 9.5, { color: COLORS.intention });
    for (const i of g.ideas) idea(i, g.id);
  }

  // Work-type balance as bars: readable on a black-and-white print thanks to the numbers.
  heading('Work-type balance', 13);
  keep(60);
  for (const w of WORK_TYPES) {
    const y = doc.y;
    doc.font('regular').fontSize(9.5).fillColor(COLORS.text).text(WORK_TYPE_LABEL[w], MARGIN, y, { width: 80 });
    const barWidth = ((width - 200) * plan.balance.percents[w]) / 100;
    if (barWidth > 0) doc.rect(MARGIN + 85, y + 1, barWidth, 9).fill(COLORS.work[w]);
    doc
      .fillColor(COLORS.text)
      .text(`${plural(plan.balance.counts[w], 'step')} · ${plan.balance.percents[w]}%`, MARGIN + 90 + (width - 200), y, { width: 110 });
    doc.x = MARGIN;
  }

  if (plan.metrics.length > 0) {
    heading('Strategic metrics and the steps that feed them', 13);
    for (const l of metricRollupLines(plan)) text(`• ${l}`, 9.5, { indent: 6 });
    for (const l of bridgeGaps(plan)) text(l, 9.5, { color: COLORS.intention, gap: 0.2 });
  }

  if (plan.strategyChecks.length > 0) {
    heading('Strategy checks', 13);
    for (const c of plan.strategyChecks) {
      text(formatStrategyCheck(c), 10, { bold: true, gap: 0.1 });
      for (const e of c.evidence) text(`• ${oneLine(e)}`, 9, { indent: 10, color: COLORS.muted });
    }
  }

  if (plan.gaps.length > 0) {
    heading('Still open', 13);
    for (const g of plan.gaps) text(`• ${oneLine(g.message)}`, 9.5, { indent: 6 });
  }

  heading('Appendix: parked and dropped ideas', 13);
  const appendixList = (title: string, ideas: ExportIdea[]) => {
    keep(30);
    text(title, 10.5, { bold: true, gap: 0.1 });
    if (ideas.length === 0) text('None.', 9.5, { color: COLORS.muted });
    for (const i of ideas) {
      const sel = formatSelection(i);
      text(`• ${oneLine(i.text) || '(empty note)'} — ${oneLine(i.decision.rationale) || 'no reason given'}${sel ? ` (${sel})` : ''}`, 9.5, {
        indent: 6,
      });
    }
    doc.moveDown(0.4);
  };
  appendixList('Parked', plan.parked);
  appendixList('Dropped', plan.dropped);

  // Footers last, when the page count is known. Writing inside the bottom
  // margin would make pdfkit start a new page, so the margin is lifted while drawing.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(`${oneLine(plan.session.title)} — page ${p - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 5, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
