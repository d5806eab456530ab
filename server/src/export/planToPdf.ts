import {
  type ExportIdea,
  type ExportInitiative,
  type ExportKeptIdea,
  type ExportStep,
  type PlanExport,
  WORK_TYPES,
} from '@throughline/shared';
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
import { PDF_COLORS as COLORS, PDF_MARGIN as MARGIN, PdfWriter, type Span } from './PdfWriter.ts';

/** Indent of a step's block, right of its work-type bar. */
const STEP_INDENT = 14;

/**
 * The plan as a printable, tagged A4 document: the brief at the top of page
 * one, then the chain (initiative → kept idea → steps), the work-type balance
 * and the parked and dropped ideas, continuing onto further pages as needed.
 * A step is never split across pages, a heading never ends a page (an
 * initiative heading moves with its first idea, an idea with its rationale
 * and first step), and every page carries the plan's title and "page n of m"
 * so loose sheets can be put back in order. Each section is a function over
 * the writer, so a new part of the plan is a new function in the list below.
 */
export function planToPdf(plan: PlanExport): Promise<Buffer> {
  const pdf = new PdfWriter({
    title: oneLine(plan.session.title) || 'Plan',
    subject: oneLine(plan.brief.objective),
    createdAt: new Date(plan.exportedAt),
  });
  writeTitle(pdf, plan);
  writeBrief(pdf, plan);
  writeStrategyChecks(pdf, plan);
  writeChain(pdf, plan);
  writeBridge(pdf, plan);
  writeBalance(pdf, plan);
  writeGaps(pdf, plan);
  writeAppendix(pdf, plan);
  pdf.footers((page, pages) => `${oneLine(plan.session.title)} — page ${page} of ${pages}`);
  return pdf.end();
}

/** Title and status line: finalised or draft, when exported, what the plan holds. */
function writeTitle(pdf: PdfWriter, plan: PlanExport): void {
  pdf.text(oneLine(plan.session.title) || 'Plan', 20, { bold: true, gap: 0.2, tag: 'H1' });
  const fin = plan.finalised;
  const status = fin
    ? `Finalised (revision ${fin.revision}) ${formatInstant(fin.finalisedAt)} by ${oneLine(fin.finalisedBy)}`
    : 'Draft — not finalised';
  const t = plan.totals;
  pdf.text(
    `${status} · exported ${formatInstant(plan.exportedAt)} · ${plural(t.keptIdeas, 'kept idea')}, ${plural(t.steps, 'step')}` +
      ` (${plural(t.tactics, 'tactic')}, ${plural(t.intentions, 'intention')})`,
    8.5,
    { color: COLORS.muted, gap: 0.6 },
  );
}

/** The brief: what every step below must trace back to. */
function writeBrief(pdf: PdfWriter, plan: PlanExport): void {
  const b = plan.brief;
  pdf.group('Sect', () => {
    pdf.text('Objective', 13, { bold: true, tag: 'H2' });
    pdf.text(oneLine(b.objective), 12, { gap: 0.4 });
    pdf.labelled('Audience', oneLine(b.audience));
    pdf.labelled('Horizon', oneLine(b.horizon));
    const criteria = b.decisionRule.criteria.map((c) => `${oneLine(c.name)} ×${c.weight}`).join(', ');
    pdf.labelled('Decision rule', [oneLine(b.decisionRule.rule), criteria].filter(Boolean).join(' — '));
    pdf.labelled('Constraints', b.constraints.map(oneLine).join(' · '));
    pdf.labelled(
      'Success metrics',
      plan.metrics.map((m) => `${oneLine(m.name)}${m.target.trim() ? ` (${oneLine(m.target)})` : ''}`).join(' · '),
    );
  });
  pdf.doc.y += 6;
  pdf.rule();
}

/** Initiative → kept idea → steps. */
function writeChain(pdf: PdfWriter, plan: PlanExport): void {
  const title = (g: ExportInitiative) => (g.id ? `Initiative: ${oneLine(g.title)}` : oneLine(g.title));
  /** What must follow an initiative's heading on its page: its description and its first idea's head. */
  const after = (g: ExportInitiative) => {
    const first = g.ideas[0];
    const description = g.description.trim() ? pdf.measure(oneLine(g.description), 9.5) : 0;
    return description + (first ? ideaHeadHeight(pdf, plan, first, g.id) : 20);
  };
  pdf.group('Sect', () => {
    const first = plan.initiatives[0];
    pdf.heading('Plan', 15, 2, first ? 13 * 0.6 + pdf.measure([{ text: title(first), bold: true }], 13) + after(first) : 20);
    for (const g of plan.initiatives) {
      pdf.group('Sect', () => {
        pdf.heading(title(g), 13, 3, after(g));
        if (g.description.trim()) pdf.text(oneLine(g.description), 9.5, { color: COLORS.muted, gap: 0.2 });
        if (g.ideas.length === 0) pdf.text('No kept idea serves this initiative yet.', 9.5, { color: COLORS.intention });
        for (const i of g.ideas) writeKeptIdea(pdf, plan, i, g.id);
      });
    }
  });
}

const ideaFacts = (i: ExportIdea) =>
  [formatSelection(i), i.cluster ? `cluster ${oneLine(i.cluster)}` : '', formatOrigin(i)].filter(Boolean).join(' · ');
const whyKept = (i: ExportIdea): Span[] => [
  { text: 'Why kept: ', bold: true },
  { text: oneLine(i.decision.rationale) || '(no rationale)' },
];

/** The decision's tie to the rule: the criteria it serves and, for an override, why. */
const decisionRuleLines = (i: ExportIdea): Span[][] => [
  ...(formatServes(i) ? [[{ text: 'Serves: ', bold: true }, { text: formatServes(i) }]] : []),
  ...(i.decision.override ? [[{ text: 'Override: ', bold: true }, { text: formatOverride(i) }]] : []),
];

/** What must share a page with the last line of an idea's text: its rationale, facts and first step. */
function ideaTailHeight(pdf: PdfWriter, plan: PlanExport, i: ExportKeptIdea, initiativeId: string | null): number {
  const first = i.steps[0];
  return (
    11 * 0.1 +
    pdf.measure(whyKept(i), 9.5) +
    decisionRuleLines(i).reduce((h, l) => h + pdf.measure(l, 9.5), 0) +
    pdf.measure(ideaFacts(i), 8.5) +
    8.5 * 0.3 +
    (first ? stepHeight(pdf, plan, first, initiativeId) : 9.5 * 1.4)
  );
}

const ideaTitle = (i: ExportIdea): Span[] => [{ text: oneLine(i.text) || '(empty note)', bold: true }];

/** An idea's heading with its tail: the block a page break must not cut. */
const ideaHeadHeight = (pdf: PdfWriter, plan: PlanExport, i: ExportKeptIdea, initiativeId: string | null) =>
  11 * 0.3 + pdf.measure(ideaTitle(i), 11) + ideaTailHeight(pdf, plan, i, initiativeId);

function writeKeptIdea(pdf: PdfWriter, plan: PlanExport, i: ExportKeptIdea, initiativeId: string | null): void {
  pdf.group('Sect', () => {
    pdf.keep(ideaHeadHeight(pdf, plan, i, initiativeId));
    pdf.doc.y += 11 * 0.3;
    pdf.paragraph(ideaTitle(i), 11, { gap: 0.1, tag: 'H4', keepTail: ideaTailHeight(pdf, plan, i, initiativeId) });
    pdf.paragraph(whyKept(i), 9.5);
    for (const l of decisionRuleLines(i)) pdf.paragraph(l, 9.5);
    pdf.text(ideaFacts(i), 8.5, { color: COLORS.muted, gap: 0.3 });
    if (i.steps.length === 0) pdf.text('No next steps yet.', 9.5, { color: COLORS.intention, gap: 0.3 });
    if (i.steps.length > 0) {
      pdf.group('L', () => {
        for (const s of i.steps) writeStep(pdf, plan, s, initiativeId);
      });
    }
  });
}

/** A step's title with its status, then its labelled facts. */
function stepLines(plan: PlanExport, s: ExportStep, initiativeId: string | null): { title: Span[]; lines: [string, string][] } {
  const lines: [string, string][] = [
    ['Owner', oneLine(s.owner) || '—'],
    ['Due', s.due ?? '—'],
    ['Outputs', formatOutputs(s)],
    ['Success check', (formatCheck(s) || '—') + (s.reviewDue ? ' (review due)' : '')],
    ['Feeds metric', s.successCheck.metric ? oneLine(s.successCheck.metric) : ''],
    ['Work type', s.workType],
    ['Review', formatReview(s)],
  ];
  if (s.initiativeId && s.initiativeId !== initiativeId) {
    lines.push(['Initiative', stepInitiative(plan, { id: initiativeId, title: '', description: '', ideas: [] }, s)]);
  }
  const title: Span[] = [
    { text: `${stepTitle(s)}   `, bold: true },
    { text: formatStatus(s).toUpperCase(), size: 8.5, color: s.status === 'tactic' ? COLORS.tactic : COLORS.intention },
  ];
  return { title, lines: lines.filter(([, v]) => v) };
}

function stepHeight(pdf: PdfWriter, plan: PlanExport, s: ExportStep, initiativeId: string | null): number {
  const { title, lines } = stepLines(plan, s, initiativeId);
  return (
    pdf.measure(title, 10, STEP_INDENT) +
    lines.reduce((h, [k, v]) => h + pdf.measure([{ text: `${k}: `, bold: true }, { text: v }], 9.5, STEP_INDENT), 0) +
    9.5 * 0.4
  );
}

/** One step, kept whole on one page, with a bar in its work type's colour that ties it to the balance chart. */
function writeStep(pdf: PdfWriter, plan: PlanExport, s: ExportStep, initiativeId: string | null): void {
  const { title, lines } = stepLines(plan, s, initiativeId);
  pdf.keep(stepHeight(pdf, plan, s, initiativeId));
  const top = pdf.doc.y;
  pdf.group('LI', () => {
    pdf.paragraph(title, 10, { indent: STEP_INDENT, tag: 'Lbl' });
    pdf.group('LBody', () => {
      for (const [k, v] of lines) pdf.labelled(k, v, STEP_INDENT);
    });
  });
  const bottom = pdf.doc.y;
  pdf.artifact((doc) => doc.rect(MARGIN + 4, top, 3, bottom - top).fill(COLORS.work[s.workType]));
  pdf.doc.y = bottom + 9.5 * 0.4;
}

/** Work-type balance as bars: readable on a black-and-white print thanks to the numbers. */
function writeBalance(pdf: PdfWriter, plan: PlanExport): void {
  const { doc, width } = pdf;
  pdf.group('Sect', () => {
    pdf.heading('Work-type balance', 13, 2, 50);
    for (const w of WORK_TYPES) {
      const y = doc.y;
      const barWidth = ((width - 200) * plan.balance.percents[w]) / 100;
      if (barWidth > 0) pdf.artifact((d) => d.rect(MARGIN + 85, y + 2, barWidth, 9).fill(COLORS.work[w]));
      pdf.text(WORK_TYPE_LABEL[w], 9.5);
      doc.y = y;
      pdf.text(`${plural(plan.balance.counts[w], 'step')} · ${plan.balance.percents[w]}%`, 9.5, { indent: 90 + (width - 200) });
      doc.y = Math.max(doc.y, y + 13);
    }
  });
}

/** Strategy checks from the brief's history: the verdict, why, and what the evidence said then. */
function writeStrategyChecks(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.strategyChecks.length === 0) return;
  pdf.group('Sect', () => {
    pdf.heading('Strategy checks', 13, 2);
    for (const c of plan.strategyChecks) {
      pdf.text(formatStrategyCheck(c), 10, { bold: true, gap: 0.1 });
      pdf.group('L', () => {
        for (const e of c.evidence) pdf.text(`• ${oneLine(e)}`, 9, { indent: 10, color: COLORS.muted, tag: 'LI' });
      });
    }
  });
}

/** Tactics back to strategy: what feeds each metric, how its reviews roll up, and the loose ends. */
function writeBridge(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.metrics.length === 0) return;
  pdf.group('Sect', () => {
    pdf.heading('Strategic metrics and the steps that feed them', 13, 2);
    pdf.group('L', () => {
      for (const l of metricRollupLines(plan)) pdf.text(`• ${l}`, 9.5, { indent: 6, tag: 'LI' });
    });
    for (const l of bridgeGaps(plan)) pdf.text(l, 9.5, { color: COLORS.intention, gap: 0.2 });
  });
}

function writeGaps(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.gaps.length === 0) return;
  pdf.group('Sect', () => {
    pdf.heading('Still open', 13, 2);
    pdf.group('L', () => {
      for (const g of plan.gaps) pdf.text(`• ${oneLine(g.message)}`, 9.5, { indent: 6, tag: 'LI' });
    });
  });
}

function writeAppendix(pdf: PdfWriter, plan: PlanExport): void {
  pdf.group('Sect', () => {
    pdf.heading('Appendix: parked and dropped ideas', 13, 2, 40);
    writeIdeaList(pdf, 'Parked', plan.parked);
    writeIdeaList(pdf, 'Dropped', plan.dropped);
  });
}

function writeIdeaList(pdf: PdfWriter, title: string, ideas: readonly ExportIdea[]): void {
  const line = (i: ExportIdea) => {
    const sel = formatSelection(i);
    const why = oneLine(i.decision.rationale) || 'no reason given';
    return `• ${oneLine(i.text) || '(empty note)'} — ${why}${sel ? ` (${sel})` : ''}`;
  };
  const first = ideas[0];
  pdf.keep(pdf.measure(title, 10.5) + (first ? pdf.measure(line(first), 9.5, 6) : 14));
  pdf.text(title, 10.5, { bold: true, gap: 0.1, tag: 'H3' });
  if (ideas.length === 0) pdf.text('None.', 9.5, { color: COLORS.muted });
  pdf.group('L', () => {
    for (const i of ideas) pdf.text(line(i), 9.5, { indent: 6, tag: 'LI' });
  });
  pdf.doc.y += 9.5 * 0.4;
}
