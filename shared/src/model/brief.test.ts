import { describe, expect, it } from 'vitest';
import { parseBrief } from './brief.ts';

describe('parseBrief', () => {
  it('names each bad field', () => {
    const r = parseBrief({ objective: '', audience: 5, decisionRule: { criteria: [{ name: '' }] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['objective', 'audience', 'decisionRule.criteria.0.name']));
  });

  it('fills defaults, ids and a title', () => {
    const r = parseBrief({
      objective: 'Win consideration among enterprise buyers who need governance',
      audience: 'IT leads',
      decisionRule: { rule: 'fit first', criteria: [{ name: 'Fit' }] },
      initiatives: [{ title: 'Governance story' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe('Win consideration among enterprise buyers who need governance');
    expect(r.value.decisionRule.criteria[0]?.id).toMatch(/^crit:/);
    expect(r.value.decisionRule.criteria[0]?.weight).toBe(1);
    expect(r.value.initiatives[0]?.id).toMatch(/^init:/);
    expect(r.value.constraints).toEqual([]);
  });
});
