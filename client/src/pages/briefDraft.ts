import type { BriefInput } from '@throughline/shared';

/**
 * What the start page's form holds: every field as the text typed, rows
 * included while still blank, so the facilitator can add a row and fill it
 * later. `toBriefInput` drops the blank rows and reads the weights.
 */
export interface BriefDraft {
  title: string;
  objective: string;
  audience: string;
  constraints: string[];
  rule: string;
  criteria: { name: string; description: string; weight: string }[];
  successMetrics: { name: string; target: string }[];
  horizon: string;
  initiatives: { title: string; description: string }[];
}

export const EMPTY_DRAFT: BriefDraft = {
  title: '',
  objective: '',
  audience: '',
  constraints: [''],
  rule: '',
  criteria: [{ name: '', description: '', weight: '1' }],
  successMetrics: [{ name: '', target: '' }],
  horizon: '',
  initiatives: [],
};

const filled = (s: string) => s.trim().length > 0;

export function toBriefInput(d: BriefDraft): BriefInput {
  return {
    title: d.title.trim(),
    objective: d.objective,
    audience: d.audience,
    constraints: d.constraints.filter(filled),
    decisionRule: {
      rule: d.rule,
      criteria: d.criteria
        .filter((c) => filled(c.name))
        .map((c) => {
          const w = Number(c.weight);
          return { name: c.name, description: c.description, weight: Number.isFinite(w) && c.weight.trim() !== '' ? w : 1 };
        }),
    },
    successMetrics: d.successMetrics.filter((m) => filled(m.name)).map((m) => ({ name: m.name, target: m.target })),
    horizon: d.horizon,
    initiatives: d.initiatives.filter((i) => filled(i.title)).map((i) => ({ title: i.title, description: i.description })),
  };
}

/** Which form section a warning or error path belongs to (`decisionRule.criteria.0.name` → `criteria`). */
export function sectionOf(path: string): string {
  const p = path.replace(/^brief\./, '');
  if (p.startsWith('decisionRule.criteria')) return 'criteria';
  if (p.startsWith('decisionRule')) return 'rule';
  return p.split('.')[0] ?? p;
}
