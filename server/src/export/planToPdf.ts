import { type ExportIdea, type ExportKeptIdea, type ExportStep, type PlanExport, WORK_TYPES } from '@throughline/shared';
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
import { PDF_COLORS as COLORS, PDF_MARGIN as MARGIN, PdfWriter } from './PdfWriter.ts';

/**
 * The plan as a printable A4 document: the brief at the top of page one,
 * then the chain (initiative → kept idea → steps), the work-type balance and
 * the parked and dropped ideas, continuing onto further pages as needed. A
 * step is never split across pages, and every page carries the plan's title
 * and "page n of m" so loose sheets can be put back in order.
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
  pdf.text(oneLine(plan.session.title) || 'Plan', 20, { bold: true, gap: 0.2 });
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
  pdf.doc.font('bold').fontSize(13).fillColor(COLORS.text).text('Objective', MARGIN, pdf.doc.y, { width: pdf.width });
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
  pdf.doc.moveDown(0.5);
  pdf.rule();
}

/** Initiative → kept idea → steps. */
function writeChain(pdf: PdfWriter, plan: PlanExport): void {
  pdf.heading('Plan', 15);
  for (const g of plan.initiatives) {
    pdf.heading(g.id ? `Initiative: ${oneLine(g.title)}` : oneLine(g.title), 13);
    if (g.description.trim()) pdf.text(oneLine(g.description), 9.5, { color: COLORS.muted, gap: 0.2 });
    if (g.ideas.length === 0) pdf.text('No kept idea serves this initiative yet.', 9.5, { color: COLORS.intention });
    for (const i of g.ideas) writeKeptIdea(pdf, plan, i, g.id);
  }
}

function writeKeptIdea(pdf: PdfWriter, plan: PlanExport, i: ExportKeptIdea, initiativeId: string | null): void {
  pdf.keep(70);
  pdf.doc.moveDown(0.3);
  pdf.text(oneLine(i.text) || '(empty note)', 11, { bold: true, gap: 0.1 });
  pdf.labelled('Why kept', oneLine(i.decision.rationale) || '(no rationale)');
  if (formatServes(i)) pdf.labelled('Serves', formatServes(i));
  if (i.decision.override) pdf.labelled('Override', formatOverride(i));
  const facts = [formatSelection(i), i.cluster ? `cluster ${oneLine(i.cluster)}` : '', formatOrigin(i)];
  pdf.text(facts.filter(Boolean).join(' · '), 8.5, { color: COLORS.muted, gap: 0.3 });
  if (i.steps.length === 0) pdf.text('No next steps yet.', 9.5, { color: COLORS.intention, gap: 0.3 });
  for (const s of i.steps) writeStep(pdf, plan, s, initiativeId);
}

/** One step, kept whole on one page, with a bar in its work type's colour that ties it to the balance chart. */
function writeStep(pdf: PdfWriter, plan: PlanExport, s: ExportStep, initiativeId: string | null): void {
  const { doc, width } = pdf;
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
  doc.font('regular').fontSize(9.5);
  const need =
    doc.heightOfString(stepTitle(s), { width: width - 14 }) +
    lines.reduce((h, [k, v]) => h + (v ? doc.heightOfString(`${k}: ${v}`, { width: width - 14 }) : 0), 0) +
    12;
  pdf.keep(need);
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
  for (const [k, v] of lines) pdf.labelled(k, v, 14);
  doc.rect(MARGIN + 4, top, 3, doc.y - top).fill(COLORS.work[s.workType]);
  doc.moveDown(0.4);
}

/** Work-type balance as bars: readable on a black-and-white print thanks to the numbers. */
function writeBalance(pdf: PdfWriter, plan: PlanExport): void {
  const { doc, width } = pdf;
  pdf.heading('Work-type balance', 13);
  pdf.keep(60);
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
}

/** Strategy checks from the brief's history: the verdict, why, and what the evidence said then. */
function writeStrategyChecks(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.strategyChecks.length === 0) return;
  pdf.heading('Strategy checks', 13);
  for (const c of plan.strategyChecks) {
    pdf.text(formatStrategyCheck(c), 10, { bold: true, gap: 0.1 });
    for (const e of c.evidence) pdf.text(`• ${oneLine(e)}`, 9, { indent: 10, color: COLORS.muted });
  }
}

/** Tactics back to strategy: what feeds each metric, how its reviews roll up, and the loose ends. */
function writeBridge(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.metrics.length === 0) return;
  pdf.heading('Strategic metrics and the steps that feed them', 13);
  for (const l of metricRollupLines(plan)) pdf.text(`• ${l}`, 9.5, { indent: 6 });
  for (const l of bridgeGaps(plan)) pdf.text(l, 9.5, { color: COLORS.intention, gap: 0.2 });
}

function writeGaps(pdf: PdfWriter, plan: PlanExport): void {
  if (plan.gaps.length === 0) return;
  pdf.heading('Still open', 13);
  for (const g of plan.gaps) pdf.text(`• ${oneLine(g.message)}`, 9.5, { indent: 6 });
}

function writeAppendix(pdf: PdfWriter, plan: PlanExport): void {
  pdf.heading('Appendix: parked and dropped ideas', 13);
  writeIdeaList(pdf, 'Parked', plan.parked);
  writeIdeaList(pdf, 'Dropped', plan.dropped);
}

function writeIdeaList(pdf: PdfWriter, title: string, ideas: readonly ExportIdea[]): void {
  pdf.keep(30);
  pdf.text(title, 10.5, { bold: true, gap: 0.1 });
  if (ideas.length === 0) pdf.text('None.', 9.5, { color: COLORS.muted });
  for (const i of ideas) {
    const sel = formatSelection(i);
    const why = oneLine(i.decision.rationale) || 'no reason given';
    pdf.text(`• ${oneLine(i.text) || '(empty note)'} — ${why}${sel ? ` (${sel})` : ''}`, 9.5, { indent: 6 });
  }
  pdf.doc.moveDown(0.4);
}
