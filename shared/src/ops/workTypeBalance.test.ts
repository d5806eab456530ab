import { describe, expect, it } from 'vitest';
import type { WorkType } from '../model/nextStep.ts';
import { workTypeBalance } from './workTypeBalance.ts';

const steps = (...types: WorkType[]) => types.map((workType) => ({ workType }));

describe('workTypeBalance', () => {
  it('counts each work type and reports the missing ones', () => {
    const b = workTypeBalance(steps('tactical', 'tactical', 'strategic'));
    expect(b.counts).toEqual({ tactical: 2, operational: 0, strategic: 1 });
    expect(b.total).toBe(3);
    expect(b.missing).toEqual(['operational']);
  });

  it('rounds shares so they always add up to 100', () => {
    const b = workTypeBalance(steps('tactical', 'operational', 'strategic'));
    expect(b.percents.tactical + b.percents.operational + b.percents.strategic).toBe(100);
    expect(Object.values(b.percents).sort()).toEqual([33, 33, 34]);
    const c = workTypeBalance(steps('tactical', 'tactical', 'operational', 'strategic', 'strategic', 'strategic'));
    expect(c.percents).toEqual({ tactical: 33, operational: 17, strategic: 50 });
  });

  it('flags a plan crowded by one work type', () => {
    expect(workTypeBalance(steps('tactical', 'tactical', 'tactical', 'operational')).dominant).toBe('tactical');
    expect(workTypeBalance(steps('tactical', 'tactical', 'operational', 'strategic')).dominant).toBeNull();
    // Too few steps to call it crowded.
    expect(workTypeBalance(steps('tactical', 'tactical')).dominant).toBeNull();
  });

  it('is all zeroes with nothing missing when there are no steps', () => {
    expect(workTypeBalance([])).toEqual({
      counts: { tactical: 0, operational: 0, strategic: 0 },
      total: 0,
      percents: { tactical: 0, operational: 0, strategic: 0 },
      missing: [],
      dominant: null,
    });
  });
});
