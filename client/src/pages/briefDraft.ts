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

/** A form pre-filled from a brief (a template's example), every row editable, one blank row where a list is empty. */
export function fromBriefInput(b: BriefInput): BriefDraft {
  const criteria = b.decisionRule?.criteria ?? [];
  return {
    title: b.title ?? '',
    objective: b.objective,
    audience: b.audience,
    constraints: b.constraints?.length ? [...b.constraints] : [''],
    rule: b.decisionRule?.rule ?? '',
    criteria: criteria.length
      ? criteria.map((c) => ({ name: c.name, description: c.description ?? '', weight: String(c.weight ?? 1) }))
      : EMPTY_DRAFT.criteria,
    successMetrics: b.successMetrics?.length
      ? b.successMetrics.map((m) => ({ name: m.name, target: m.target ?? '' }))
      : EMPTY_DRAFT.successMetrics,
    horizon: b.horizon ?? '',
    initiatives: (b.initiatives ?? []).map((i) => ({ title: i.title, description: i.description ?? '' })),
  };
}
