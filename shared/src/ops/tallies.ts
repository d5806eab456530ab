import type { Idea, Origin } from '../model/idea.ts';
import type { IdeaId } from '../model/ids.ts';
import type { Score, Tally, Vote } from '../model/selection.ts';

/** Rounds to two decimals so published means do not carry float noise into exports. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The weighted mean of criterion means, on the 1–5 scale. Criteria nobody
 * scored are left out (and their weight with them), so one unscored
 * criterion does not drag an idea to zero. Null when nothing weighted was
 * scored (no scores, or only weight-0 criteria).
 */
export function weightedScore(criterionMeans: Record<string, number>, criteria: readonly { id: string; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const mean = criterionMeans[c.id];
    if (mean === undefined || c.weight <= 0) continue;
    sum += mean * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? round2(sum / weights) : null;
}

/**
 * Anonymous totals for each of `ideaIds` (every selectable idea, so an idea
 * nobody voted for still ranks, with 0). Votes and scores on other ideas,
 * and scores against criteria the rule no longer has, are ignored. The
 * result carries no participant id: this is all that leaves the private doc.
 */
export function computeTallies(
  ideaIds: readonly IdeaId[],
  votes: readonly Vote[],
  scores: readonly Score[],
  criteria: readonly { id: string; weight: number }[],
): Tally[] {
  const wanted = new Set<string>(ideaIds);
  const known = new Set<string>(criteria.map((c) => c.id));
  const dots = new Map<string, { votes: number; voters: Set<string> }>();
  for (const v of votes) {
    if (!wanted.has(v.ideaId) || v.count <= 0) continue;
    const d = dots.get(v.ideaId) ?? { votes: 0, voters: new Set<string>() };
    d.votes += v.count;
    d.voters.add(v.participantId);
    dots.set(v.ideaId, d);
  }
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const s of scores) {
    if (!wanted.has(s.ideaId) || !known.has(s.criterionId)) continue;
    const byCrit = sums.get(s.ideaId) ?? new Map<string, { sum: number; n: number }>();
    const acc = byCrit.get(s.criterionId) ?? { sum: 0, n: 0 };
    acc.sum += s.value;
    acc.n += 1;
    byCrit.set(s.criterionId, acc);
    sums.set(s.ideaId, byCrit);
  }
  return ideaIds.map((ideaId) => {
    const criterionMeans: Record<string, number> = {};
    for (const [crit, acc] of sums.get(ideaId) ?? []) criterionMeans[crit] = round2(acc.sum / acc.n);
    const d = dots.get(ideaId);
    return {
      ideaId,
      votes: d?.votes ?? 0,
      voters: d?.voters.size ?? 0,
      criterionMeans,
      weightedScore: weightedScore(criterionMeans, criteria),
    };
  });
}

export type RankBy = 'votes' | 'score';

export interface RankOptions {
  by: RankBy;
  /** Only ideas in this cluster; `'none'` for ideas in no cluster; omitted for all. */
  clusterId?: string | 'none' | undefined;
  /** Only ideas of this origin; ignored while origin is hidden (blind origin), which would otherwise leak it. */
  origin?: Origin | undefined;
  originHidden?: boolean | undefined;
}

export interface RankedIdea {
  idea: Idea;
  tally: Tally | null;
  /** 1-based; ideas tied on the ranking key share a rank ("1, 2, 2, 4"). */
  rank: number;
}

const scoreOf = (t: Tally | null) => t?.weightedScore ?? -1;
const votesOf = (t: Tally | null) => t?.votes ?? 0;

/**
 * Orders ideas for the ranked view. By votes: most dots first, ties broken
 * by weighted score; by score: highest weighted score first (unscored last),
 * ties broken by votes. Remaining ties keep board creation order, so the
 * list does not shuffle between renders.
 */
export function rankIdeas(ideas: readonly Idea[], tallies: readonly Tally[], opts: RankOptions): RankedIdea[] {
  const byId = new Map(tallies.map((t) => [t.ideaId as string, t]));
  const filtered = ideas.filter((i) => {
    if (opts.clusterId === 'none' && i.clusterId !== null) return false;
    if (opts.clusterId && opts.clusterId !== 'none' && i.clusterId !== opts.clusterId) return false;
    if (opts.origin && !opts.originHidden && i.origin !== opts.origin) return false;
    return true;
  });
  const primary = opts.by === 'votes' ? votesOf : scoreOf;
  const secondary = opts.by === 'votes' ? scoreOf : votesOf;
  const rows = filtered.map((idea) => ({ idea, tally: byId.get(idea.id) ?? null }));
  rows.sort(
    (a, b) =>
      primary(b.tally) - primary(a.tally) ||
      secondary(b.tally) - secondary(a.tally) ||
      a.idea.createdAt - b.idea.createdAt ||
      a.idea.id.localeCompare(b.idea.id),
  );
  const out: RankedIdea[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev && primary(prev.tally) === primary(r.tally);
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  return out;
}
