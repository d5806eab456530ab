import type { Tally } from '../model/selection.ts';

/** What the revealed votes and scores say about keeping one idea. */
export interface KeepEvidence {
  /** True when keeping the idea goes with the votes and scores; false needs an override reason. */
  favoured: boolean;
  /** Why the idea is not favoured, written for the facilitator; null when it is. */
  concern: string | null;
  votes: number;
  /** The idea's weighted score (1–5), or null when nobody scored it. */
  score: number | null;
  /** Median weighted score of the ideas that were scored, or null when none were. */
  median: number | null;
}

/** The median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Whether the team's revealed votes and scores favour keeping `ideaId`.
 * Not favoured: no revealed votes (including votes never revealed, since
 * then nobody can see what the team thought), or a weighted score below the
 * median of the ideas that were scored. An idea with votes that nobody
 * scored is favoured: the scores say nothing against it.
 */
export function keepEvidence(ideaId: string, tallies: readonly Tally[]): KeepEvidence {
  const tally = tallies.find((t) => t.ideaId === ideaId) ?? null;
  const scored = tallies.map((t) => t.weightedScore).filter((s): s is number => s !== null);
  const mid = median(scored);
  const votes = tally?.votes ?? 0;
  const score = tally?.weightedScore ?? null;
  let concern: string | null = null;
  if (tallies.length === 0) concern = 'Votes have not been revealed, so nothing shows the team favours this idea.';
  else if (votes === 0) concern = 'Nobody voted for this idea.';
  else if (score !== null && mid !== null && score < mid) {
    concern = `Its weighted score ${score.toFixed(2)} is below the median ${mid.toFixed(2)} of scored ideas.`;
  }
  return { favoured: concern === null, concern, votes, score, median: mid };
}
