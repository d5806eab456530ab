import { checkBrief, parseBrief, TEMPLATES } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, fromBriefInput, sectionOf, toBriefInput } from './briefDraft.ts';

describe('brief draft', () => {
  it('drops blank rows and reads weights, so half-filled forms check cleanly', () => {
    const input = toBriefInput({
      ...EMPTY_DRAFT,
      objective: 'Win consideration among enterprise buyers who need governance',
      constraints: ['No paid media before Q3', '  '],
      criteria: [
        { name: 'Strategic fit', description: '', weight: '3' },
        { name: '', description: 'ignored', weight: '2' },
        { name: 'Cost', description: '', weight: '' },
      ],
    });
    expect(input.constraints).toEqual(['No paid media before Q3']);
    expect(input.decisionRule?.criteria?.map((c) => c.weight)).toEqual([3, 1]);
  });

  it('an empty draft gets the brief check’s warnings for missing parts', () => {
    const codes = checkBrief(toBriefInput(EMPTY_DRAFT)).map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['constraints-missing', 'rule-missing', 'criteria-missing', 'metrics-missing', 'horizon-missing']),
    );
  });

  it('maps server and check paths to form sections', () => {
    expect(sectionOf('brief.objective')).toBe('objective');
    expect(sectionOf('decisionRule.criteria.0.name')).toBe('criteria');
    expect(sectionOf('decisionRule.rule')).toBe('rule');
    expect(sectionOf('successMetrics.1')).toBe('successMetrics');
  });
});

describe('fromBriefInput', () => {
  it('round-trips every template brief through the form unchanged', () => {
    for (const t of TEMPLATES) {
      const back = parseBrief(toBriefInput(fromBriefInput(t.brief)));
      const direct = parseBrief(t.brief);
      if (!back.ok || !direct.ok) throw new Error(`template ${t.id} does not parse`);
      const strip = (b: typeof back.value) => ({
        ...b,
        decisionRule: { ...b.decisionRule, criteria: b.decisionRule.criteria.map(({ id: _id, ...c }) => c) },
      });
      expect(strip(back.value)).toEqual(strip(direct.value));
    }
  });
});
