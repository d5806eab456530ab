import type { BriefInput } from '../model/brief.ts';
import { checkConstraint, checkHorizon, checkMetricOutput, checkRule, countTacticClauses, criterionExample } from './briefRules.ts';

export { countTacticClauses };

/**
 * A concrete, fixable problem with a brief. The check never blocks: a
 * facilitator may proceed, but sees exactly what is weak and how to fix it.
 */
export interface BriefWarning {
  /** Dotted field path the warning is about (`objective`, `decisionRule.criteria`). */
  field: string;
  code: BriefWarningCode;
  message: string;
  suggestion: string;
}

export type BriefWarningCode =
  | 'objective-vague'
  | 'objective-tactics'
  | 'audience-vague'
  | 'constraints-missing'
  | 'rule-missing'
  | 'criteria-missing'
  | 'criteria-unweighted'
  | 'metrics-missing'
  | 'metric-tactical'
  | 'horizon-missing'
  | 'horizon-no-period'
  | 'rule-popularity'
  | 'rule-authority'
  | 'metric-output'
  | 'criterion-undescribed'
  | 'constraint-tactic';

/** Aspirations with no choice in them: anyone could say them about anything. */
const VAGUE_PHRASES = [
  'grow awareness',
  'increase awareness',
  'raise awareness',
  'brand awareness',
  'increase engagement',
  'boost engagement',
  'drive growth',
  'grow the business',
  'be the best',
  'be the leader',
  'improve',
  'do better',
  'maximise',
  'maximize',
  'optimise',
  'optimize',
  'innovate',
  'world class',
  'world-class',
  'synergy',
  'more customers',
  'more users',
  'grow revenue',
  'increase sales',
  'go viral',
];

/**
 * Words that narrow an objective to a choice: who (among/for/who), on what
 * basis (by/through/because), against what (instead of/rather than/over).
 */
const CHOICE_MARKERS =
  /\b(among|for|who|whose|by|through|because|instead of|rather than|over|versus|vs\.?|so that|without|where|when|in the|with)\b/i;

const VAGUE_AUDIENCES = /^(everyone|everybody|all|all users|users|customers|people|the public|the market|anyone)\.?$/i;

/** Chinese and Japanese write no spaces between words: about two characters make one. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const wordCount = (s: string) =>
  s
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, w) => n + Math.max(1, Math.floor((w.match(CJK)?.length ?? 0) / 2)), 0);
/** Whole-word matches only: "optimiser" (French) is not "optimise", "improvement" is not "improve". */
const hasPhrase = (lower: string, p: string) => new RegExp(`(?<![\\p{L}])${p}(?![\\p{L}])`, 'u').test(lower);

function checkObjective(objective: string, out: BriefWarning[]) {
  const text = objective.trim();
  if (!text) return;
  const tactics = countTacticClauses(text);
  if (tactics >= 2) {
    out.push({
      field: 'objective',
      code: 'objective-tactics',
      message: `The objective lists ${tactics} tactics (things to do), not a strategic choice.`,
      suggestion:
        'State the outcome those tactics serve and for whom, e.g. "Win consideration among enterprise buyers who need governance"; keep the tactics as ideas on the board.',
    });
    return;
  }
  const lower = text.toLowerCase();
  const vaguePhrase = VAGUE_PHRASES.find((p) => hasPhrase(lower, p));
  const tooShort = wordCount(text) < 5;
  const noChoice = !CHOICE_MARKERS.test(text) && !/\d/.test(text);
  if (tooShort || (vaguePhrase && noChoice)) {
    out.push({
      field: 'objective',
      code: 'objective-vague',
      message: vaguePhrase
        ? `"${vaguePhrase}" is an aspiration, not a choice: it cannot tell two options apart.`
        : 'The objective is too short to choose between options.',
      suggestion:
        'Name who you will win and on what basis, so ideas can be judged against it, e.g. "Win consideration among enterprise buyers who need governance".',
    });
  }
}

/** Checks a brief (complete or half-typed) and returns every warning, most important first. */
export function checkBrief(brief: Partial<BriefInput>): BriefWarning[] {
  const out: BriefWarning[] = [];
  checkObjective(brief.objective ?? '', out);

  const audience = (brief.audience ?? '').trim();
  // Suggestions quote the brief's own audience, unless it is one the check calls vague.
  const exampleAudience = audience && !VAGUE_AUDIENCES.test(audience) ? audience : undefined;
  if (audience && VAGUE_AUDIENCES.test(audience)) {
    out.push({
      field: 'audience',
      code: 'audience-vague',
      message: `"${audience}" is everyone, which means no one in particular.`,
      suggestion: 'Describe the people this session serves: their role, situation or need, e.g. "IT leads at 500+ person companies".',
    });
  }

  if (!brief.constraints || brief.constraints.filter((c) => c.trim()).length === 0) {
    out.push({
      field: 'constraints',
      code: 'constraints-missing',
      message: 'No constraints: ideas will ignore brand, timing, channel and release realities.',
      suggestion: 'Add at least one real limit, e.g. "No paid media before Q3" or "Must ship within the current release train".',
    });
  }
  (brief.constraints ?? []).forEach((c, i) => {
    const w = checkConstraint(c, i);
    if (w) out.push(w);
  });

  const rule = brief.decisionRule;
  if (!rule?.rule?.trim()) {
    out.push({
      field: 'decisionRule.rule',
      code: 'rule-missing',
      message: 'No decision rule: selection will fall back to popularity.',
      suggestion:
        'Write one line the team will choose by, e.g. "Prefer ideas that move enterprise consideration this quarter at low cost".',
    });
  } else {
    const w = checkRule(rule.rule, exampleAudience);
    if (w) out.push(w);
  }
  const criteria = rule?.criteria ?? [];
  if (criteria.length === 0) {
    out.push({
      field: 'decisionRule.criteria',
      code: 'criteria-missing',
      message: 'The decision rule has no criteria to score ideas against.',
      suggestion: 'Add two to four weighted criteria, e.g. "Strategic fit (3)", "Cost to test (2)", "Time to signal (1)".',
    });
  } else if (criteria.every((c) => (c.weight ?? 1) === 0)) {
    out.push({
      field: 'decisionRule.criteria',
      code: 'criteria-unweighted',
      message: 'Every criterion has weight 0, so scores cannot rank anything.',
      suggestion: 'Give the criterion that matters most the largest weight.',
    });
  }
  criteria.forEach((c, i) => {
    if (!c.name?.trim() || c.description?.trim()) return;
    out.push({
      field: `decisionRule.criteria.${i}.description`,
      code: 'criterion-undescribed',
      message: `"${c.name.trim()}" has no description: five people will score it five different ways.`,
      suggestion: `Say what a 5 looks like (and a 1), so everyone scores the same way, e.g. ${criterionExample(c.name, exampleAudience)}.`,
    });
  });

  const metrics = brief.successMetrics ?? [];
  if (metrics.length === 0) {
    out.push({
      field: 'successMetrics',
      code: 'metrics-missing',
      message: 'No strategic success metric: nobody will know whether the strategy worked.',
      suggestion: 'Add an outcome measure such as "Enterprise trial-to-paid rate" or "Share of shortlists", separate from task milestones.',
    });
  }
  metrics.forEach((m, i) => {
    if (countTacticClauses(m.name) >= 1) {
      out.push({
        field: `successMetrics.${i}`,
        code: 'metric-tactical',
        message: `"${m.name}" measures an activity (a tactical milestone), not a strategic outcome.`,
        suggestion:
          "Keep deliverables in next steps' success checks; here, measure the outcome they should move (retention, share, conversion).",
      });
      return;
    }
    const w = checkMetricOutput(m.name, i);
    if (w) out.push(w);
  });

  if (!(brief.horizon ?? '').trim()) {
    out.push({
      field: 'horizon',
      code: 'horizon-missing',
      message: 'No horizon: the strategy has no period to be judged over.',
      suggestion: 'Say the period it covers, e.g. "H1 2027" or "next two quarters".',
    });
  } else {
    const w = checkHorizon(brief.horizon ?? '');
    if (w) out.push(w);
  }
  return out;
}
