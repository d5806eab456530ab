import { describe, expect, it } from 'vitest';
import { parseBrief } from '../model/brief.ts';
import { TemplateSchema } from '../model/template.ts';
import { checkBrief } from '../ops/checkBrief.ts';
import { findTemplate, TEMPLATES } from './templates.ts';

describe('templates', () => {
  it('offers the five the workshop modes need', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'quarterly-strategy',
      'campaign-brainstorm',
      'retention-sprint',
      'product-discovery',
      'async-idea-round',
    ]);
    expect(findTemplate('retention-sprint')?.name).toBe('Retention sprint');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s validates against the brief and template schemas', (_id, t) => {
    expect(TemplateSchema.safeParse(t).success).toBe(true);
    const brief = parseBrief(t.brief);
    expect(brief.ok).toBe(true);
    if (!brief.ok) return;
    // An example the facilitator learns from: weighted criteria and outcome metrics, and nothing the brief check flags.
    expect(brief.value.decisionRule.criteria.length).toBeGreaterThanOrEqual(2);
    expect(new Set(brief.value.decisionRule.criteria.map((c) => c.weight)).size).toBeGreaterThan(1);
    expect(brief.value.successMetrics.length).toBeGreaterThan(0);
    expect(checkBrief(t.brief)).toEqual([]);
    expect(t.agenda.every((a) => a.minutes > 0)).toBe(true);
  });
});
