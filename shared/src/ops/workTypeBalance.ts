import { WORK_TYPES, type WorkType } from '../model/nextStep.ts';

/**
 * How a plan's steps split across work types. A plan that is all tactical
 * has nobody minding the operating model or the strategy; one with no
 * tactical work will not move anything this horizon.
 */
export interface WorkTypeBalance {
  /** Steps per work type; every work type is present, possibly 0. */
  counts: Record<WorkType, number>;
  /** Total steps counted (the sum of `counts`). */
  total: number;
  /**
   * Each work type's share of `total` as a whole percentage. The shares sum
   * to exactly 100 when `total > 0` (largest-remainder rounding) and are all
   * 0 when there are no steps, so a bar chart never over- or under-fills.
   */
  percents: Record<WorkType, number>;
  /** Work types with no step at all (empty when there are no steps: nothing to balance yet). */
  missing: WorkType[];
  /** The work type holding more than `DOMINANT_SHARE` of steps, if any (only once there are 3+ steps). */
  dominant: WorkType | null;
}

/** Above this share one work type crowds out the others. */
export const DOMINANT_SHARE = 0.7;

const zeroes = (): Record<WorkType, number> => ({
  tactical: 0,
  operational: 0,
  strategic: 0,
});

/** Counts steps by work type and derives shares that always add up to 100. */
export function workTypeBalance(steps: ReadonlyArray<{ workType: WorkType }>): WorkTypeBalance {
  const counts = zeroes();
  for (const s of steps) if (s.workType in counts) counts[s.workType] += 1;
  const total = WORK_TYPES.reduce((n, t) => n + counts[t], 0);
  const percents = zeroes();
  if (total > 0) {
    // Largest remainder: floor every share, then hand the leftover points to the biggest fractions.
    const exact = WORK_TYPES.map((t) => ({ t, v: (counts[t] * 100) / total }));
    for (const e of exact) percents[e.t] = Math.floor(e.v);
    let left = 100 - WORK_TYPES.reduce((n, t) => n + percents[t], 0);
    const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
    for (const e of byRemainder) {
      if (left <= 0) break;
      if (e.v - Math.floor(e.v) > 0) {
        percents[e.t] += 1;
        left -= 1;
      }
    }
  }
  const missing = total === 0 ? [] : WORK_TYPES.filter((t) => counts[t] === 0);
  const dominant = total >= 3 ? (WORK_TYPES.find((t) => counts[t] / total > DOMINANT_SHARE) ?? null) : null;
  return { counts, total, percents, missing, dominant };
}
