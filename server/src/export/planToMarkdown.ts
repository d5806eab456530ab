import {
  type ExportIdea,
  type ExportInitiative,
  type ExportKeptIdea,
  type ExportStep,
  type PlanExport,
  WORK_TYPES,
} from '@throughline/shared';
import { markdownSnippet, escapeMarkdown as md } from './escapeMarkdown.ts';
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
  plural,
  stepInitiative,
  stepTitle,
  WORK_TYPE_LABEL,
} from './exportText.ts';

/** A table cell: escaped (which covers `|`) and never empty, so every editor keeps the column. */
const cell = (s: string) => md(s) || '—';

function briefSection(plan: PlanExport): string[] {
  const b = plan.brief;
  const out = ['## Brief', ''];
  out.push(`- **Objective:** ${md(b.objective)}`);
  out.push(`- **Audience:** ${md(b.audience)}`);
  out.push(`- **Horizon:** ${md(b.horizon) || '_not set_'}`);
  out.push(`- **Decision rule:** ${md(b.decisionRule.rule) || '_not set_'}`, '');
  if (b.decisionRule.criteria.length > 0) {
    out.push('| Criterion | Weight | Description |', '| --- | ---: | --- |');
    for (const c of b.decisionRule.criteria) out.push(`| ${cell(c.name)} | ${c.weight} | ${cell(c.description)} |`);
    out.push('');
  }
  out.push('### Constraints', '');
  if (b.constraints.length === 0) out.push('_None recorded._');
  for (const c of b.constraints) out.push(`- ${md(c)}`);
  out.push('', '### Success metrics (strategic)', '');
  if (plan.metrics.length === 0) out.push('_None set._');
  else {
    out.push('| Metric | Target | Evidence from reviews |', '| --- | --- | --- |');
    for (const m of plan.metrics) {
      const evidence = m.evidence.map((e) => `${e.outcome}: ${e.stepTitle} — ${e.learned}`).join('; ');
      out.push(`| ${cell(m.name)} | ${cell(m.target)} | ${cell(evidence)} |`);
    }
  }
  out.push('');
  return out;
}

function stepItem(plan: PlanExport, g: ExportInitiative, n: number, s: ExportStep): string[] {
  const out = [`${n}. **${md(stepTitle(s))}** — ${md(formatStatus(s))}`];
  // Three spaces: the width of "1. ", so the sub-list belongs to this item in every CommonMark editor.
  const sub = (label: string, value: string) => out.push(`   - ${label}: ${value}`);
  sub('Owner', md(s.owner) || '_none yet_');
  sub('Due', s.due ?? '_none yet_');
  sub('Outputs', md(formatOutputs(s)) || '_none defined_');
  sub('Success check', (md(formatCheck(s)) || '_none yet_') + (s.reviewDue ? ' **(review due)**' : ''));
  sub('Feeds metric', s.successCheck.metric ? md(s.successCheck.metric) : '_none_');
  sub('Work type', s.workType);
  sub('Status', s.status);
  // A step may serve another initiative than the idea it came from: say so where it would otherwise be implied.
  if (s.initiativeId && s.initiativeId !== g.id) sub('Initiative', md(stepInitiative(plan, g, s)));
  if (s.review) sub('Review', md(formatReview(s)));
  return out;
}

function ideaFacts(i: ExportIdea, full: boolean): string[] {
  const out: string[] = [];
  if (full) out.push(`- **Idea:** ${md(i.text)}`);
  const why = i.decision.verdict === 'keep' ? 'Why kept' : 'Reason';
  out.push(`- **${why}:** ${md(i.decision.rationale) || '_no reason given_'}`);
  const serves = formatServes(i);
  if (serves) out.push(`- **Serves criteria:** ${md(serves)}`);
  if (i.decision.override) out.push(`- **Override:** ${md(formatOverride(i))}`);
  const sel = formatSelection(i);
  out.push(`- **Votes and score:** ${sel ? md(sel) : '_not revealed_'}`);
  if (i.cluster) out.push(`- **Cluster:** ${md(i.cluster)}`);
  out.push(`- **Origin:** ${md(formatOrigin(i))}`);
  const when = i.decision.decidedAt ? ` on ${i.decision.decidedAt.slice(0, 10)}` : '';
  out.push(`- **Decided by:** ${md(i.decision.decidedBy) || '_unknown_'}${when}`);
  return out;
}

function keptIdea(plan: PlanExport, g: ExportInitiative, i: ExportKeptIdea): string[] {
  const head = markdownSnippet(i.text);
  const out = [`#### ${head.text || '(empty note)'}`, '', ...ideaFacts(i, head.truncated), ''];
  if (i.steps.length === 0) out.push('_No next steps yet._', '');
  else {
    out.push('**Next steps**', '');
    for (const [n, s] of i.steps.entries()) out.push(...stepItem(plan, g, n + 1, s));
    out.push('');
  }
  return out;
}

function planSection(plan: PlanExport): string[] {
  const t = plan.totals;
  const out = ['## Plan', ''];
  out.push(
    `${plural(t.keptIdeas, 'kept idea')} · ${plural(t.steps, 'step')} (${plural(t.tactics, 'tactic')}, ${plural(t.intentions, 'intention')}) · ` +
      `${t.reviewed} reviewed · ${plan.undecided} undecided`,
    '',
  );
  for (const g of plan.initiatives) {
    out.push(g.id ? `### Initiative: ${md(g.title)}` : `### ${md(g.title)}`, '');
    if (g.description.trim()) out.push(md(g.description), '');
    if (g.ideas.length === 0) out.push('_No kept idea serves this initiative yet._', '');
    for (const i of g.ideas) out.push(...keptIdea(plan, g, i));
  }
  return out;
}

function balanceSection(plan: PlanExport): string[] {
  const b = plan.balance;
  const out = ['## Work-type balance', '', '| Work type | Steps | Share |', '| --- | ---: | ---: |'];
  for (const w of WORK_TYPES) out.push(`| ${WORK_TYPE_LABEL[w]} | ${b.counts[w]} | ${b.percents[w]}% |`);
  out.push('');
  if (b.dominant) out.push(`${WORK_TYPE_LABEL[b.dominant]} work dominates the plan.`, '');
  if (b.missing.length > 0) out.push(`No ${b.missing.join(' or ')} steps yet.`, '');
  return out;
}

/** Strategy ← tactics: what feeds each metric, how its reviews roll up, and the loose ends. */
function bridgeSection(plan: PlanExport): string[] {
  if (plan.metrics.length === 0) return [];
  const out = ['## Strategic metrics and the steps that feed them', '', ...metricRollupLines(plan).map((l) => `- ${md(l)}`), ''];
  // One paragraph each: adjacent lines would run together in every Markdown renderer.
  for (const g of bridgeGaps(plan)) out.push(`_${md(g)}_`, '');
  return out;
}

function strategyChecksSection(plan: PlanExport): string[] {
  if (plan.strategyChecks.length === 0) return [];
  const out = ['## Strategy checks', ''];
  for (const c of plan.strategyChecks) {
    out.push(`- **${md(formatStrategyCheck(c))}**`);
    for (const e of c.evidence) out.push(`  - ${md(e)}`);
  }
  out.push('');
  return out;
}

function gapsSection(plan: PlanExport): string[] {
  if (plan.gaps.length === 0) return [];
  return ['## Still open', '', ...plan.gaps.map((g) => `- ${md(g.message)}`), ''];
}

function appendix(plan: PlanExport): string[] {
  const out = ['## Appendix: parked and dropped ideas', ''];
  for (const [title, ideas] of [
    ['Parked', plan.parked],
    ['Dropped', plan.dropped],
  ] as const) {
    out.push(`### ${title}`, '');
    if (ideas.length === 0) out.push('_None._', '');
    for (const i of ideas) {
      const sel = formatSelection(i);
      out.push(`- **${md(i.text) || '(empty note)'}** — ${md(i.decision.rationale) || '_no reason given_'}${sel ? ` (${md(sel)})` : ''}`);
    }
    if (ideas.length > 0) out.push('');
  }
  return out;
}

/**
 * The plan as GitHub-flavoured Markdown that pastes cleanly into GitHub,
 * Notion and Confluence: only headings, lists, bold, italics and pipe
 * tables, and all user text escaped to a single literal line (the JSON
 * export keeps the original line breaks). Ends with exactly one newline.
 */
export function planToMarkdown(plan: PlanExport): string {
  const fin = plan.finalised;
  const status = fin
    ? `Finalised (revision ${fin.revision}) on ${formatInstant(fin.finalisedAt)} by ${md(fin.finalisedBy)}`
    : 'Draft: not finalised yet';
  const lines = [
    `# ${md(plan.session.title) || 'Plan'}`,
    '',
    `_${status} · exported from Throughline on ${formatInstant(plan.exportedAt)} · phase: ${plan.session.phase}_`,
    '',
    ...briefSection(plan),
    ...strategyChecksSection(plan),
    ...planSection(plan),
    ...bridgeSection(plan),
    ...balanceSection(plan),
    ...gapsSection(plan),
    ...appendix(plan),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
