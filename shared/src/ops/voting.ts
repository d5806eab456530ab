import { type Idea, isSelectable } from '../model/idea.ts';
import type { Settings } from '../model/settings.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { MyVotesValue } from '../protocol/selectionCommands.ts';
import { type Checked, type Refusal, refuse } from './phaseRules.ts';

/** One person's dots: IdeaId → count (> 0; ideas with no dots are absent). */
export type VoteCounts = Record<string, number>;
/** One person's scores: IdeaId → CriterionId → 1–5. */
export type ScoreSheet = Record<string, Record<string, number>>;

/**
 * Dots a person has spent. With `counts` (a predicate on idea ids), dots on
 * ideas that no longer exist or are no longer selectable are not counted, so
 * deleting a note during a return to explore gives its dots back.
 */
export function spentVotes(votes: VoteCounts, counts: (ideaId: string) => boolean = () => true): number {
  let n = 0;
  for (const [id, c] of Object.entries(votes)) if (counts(id) && c > 0) n += c;
  return n;
}

/** Dots left to spend: never negative, even if the budget was lowered under someone (which setVoting refuses). */
export const remainingVotes = (votes: VoteCounts, budget: number, counts?: (ideaId: string) => boolean) =>
  Math.max(0, budget - spentVotes(votes, counts));

/** Refuses an idea that cannot be voted on, scored or decided: missing, or an AI idea nobody adopted. */
export function checkSelectable(idea: Pick<Idea, 'origin' | 'lane'> | null): Refusal | null {
  if (!idea) return refuse(404, ErrorCode.notFound, 'That idea is not on the board (it may have been deleted).');
  if (!isSelectable(idea)) {
    return refuse(409, ErrorCode.notSelectable, 'AI ideas take part in selection only once a person adopts them onto the canvas.');
  }
  return null;
}

const votingClosed = () => refuse(409, ErrorCode.wrongPhase, 'Votes have been revealed, so voting and scoring are closed.');

/**
 * Adds `count` dots on `ideaId` to one person's votes. Refused — and nothing
 * changes — when it would exceed the per-idea cap or the budget. The cap is
 * checked first: "at most 3 on one idea" is the more specific reason.
 */
export function castVote(
  votes: VoteCounts,
  ideaId: string,
  count: number,
  settings: Pick<Settings, 'voteBudget' | 'perIdeaCap'>,
  opts: { revealed: boolean; counts?: (ideaId: string) => boolean },
): Checked<VoteCounts> {
  if (opts.revealed) return votingClosed();
  if (!Number.isInteger(count) || count < 1) return refuse(400, ErrorCode.invalidCommand, 'Cast at least one vote.');
  const onIdea = votes[ideaId] ?? 0;
  if (onIdea + count > settings.perIdeaCap) {
    return refuse(409, ErrorCode.voteCapExceeded, `At most ${settings.perIdeaCap} votes per idea; you already have ${onIdea} on this one.`);
  }
  const left = remainingVotes(votes, settings.voteBudget, opts.counts);
  if (count > left) {
    return refuse(
      409,
      ErrorCode.voteBudgetExceeded,
      left === 0
        ? `You have spent all ${settings.voteBudget} of your votes; take one back to move it.`
        : `You have ${left} of ${settings.voteBudget} votes left.`,
    );
  }
  return { ok: true, value: { ...votes, [ideaId]: onIdea + count } };
}

/** Takes `count` dots back from `ideaId`. Refused when the person has fewer than that there. */
export function retractVote(votes: VoteCounts, ideaId: string, count: number, opts: { revealed: boolean }): Checked<VoteCounts> {
  if (opts.revealed) return votingClosed();
  const onIdea = votes[ideaId] ?? 0;
  if (!Number.isInteger(count) || count < 1) return refuse(400, ErrorCode.invalidCommand, 'Retract at least one vote.');
  if (onIdea < count) {
    return refuse(
      409,
      ErrorCode.conflict,
      onIdea === 0 ? 'You have no votes on this idea.' : `You have only ${onIdea} votes on this idea.`,
    );
  }
  const next = { ...votes };
  if (onIdea === count) delete next[ideaId];
  else next[ideaId] = onIdea - count;
  return { ok: true, value: next };
}

/**
 * Sets (or with `value: null` withdraws) one score. Refused for a criterion
 * the decision rule does not have, or after reveal.
 */
export function scoreIdea(
  sheet: ScoreSheet,
  ideaId: string,
  criterionId: string,
  value: number | null,
  criteria: readonly { id: string }[],
  opts: { revealed: boolean },
): Checked<ScoreSheet> {
  if (opts.revealed) return votingClosed();
  if (!criteria.some((c) => c.id === criterionId)) {
    return refuse(404, ErrorCode.notFound, 'The decision rule has no such criterion (the brief may have changed).');
  }
  if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 5)) {
    return refuse(400, ErrorCode.invalidCommand, 'A score is a whole number from 1 to 5.');
  }
  const row = { ...(sheet[ideaId] ?? {}) };
  if (value === null) delete row[criterionId];
  else row[criterionId] = value;
  const next = { ...sheet };
  if (Object.keys(row).length === 0) delete next[ideaId];
  else next[ideaId] = row;
  return { ok: true, value: next };
}

/**
 * Checks a change to the voting settings against the votes already cast.
 * Lowering the budget or cap under what someone has already spent is
 * refused rather than silently trimming their dots; `resetVotes` starts
 * over, so any budget is fine with it.
 */
export function checkVotingSettings(
  patch: { voteBudget?: number | undefined; perIdeaCap?: number | undefined; resetVotes?: boolean | undefined },
  current: Pick<Settings, 'voteBudget' | 'perIdeaCap'>,
  allVotes: readonly VoteCounts[],
  opts: { revealed: boolean },
): Checked<Pick<Settings, 'voteBudget' | 'perIdeaCap'>> {
  const next = {
    voteBudget: patch.voteBudget ?? current.voteBudget,
    perIdeaCap: patch.perIdeaCap ?? current.perIdeaCap,
  };
  if (patch.resetVotes) return { ok: true, value: next };
  const changesDots = next.voteBudget !== current.voteBudget || next.perIdeaCap !== current.perIdeaCap;
  if (opts.revealed && changesDots) {
    return refuse(409, ErrorCode.wrongPhase, 'Votes are revealed; reset the votes to change the budget or cap.');
  }
  const overBudget = allVotes.filter((v) => spentVotes(v) > next.voteBudget).length;
  if (overBudget > 0) {
    return refuse(
      409,
      ErrorCode.conflict,
      `${overBudget} ${overBudget === 1 ? 'person has' : 'people have'} already spent more than ${next.voteBudget} votes; choose a larger budget or reset the votes.`,
    );
  }
  const overCap = allVotes.filter((v) => Object.values(v).some((c) => c > next.perIdeaCap)).length;
  if (overCap > 0) {
    return refuse(
      409,
      ErrorCode.conflict,
      `${overCap} ${overCap === 1 ? 'person has' : 'people have'} already put more than ${next.perIdeaCap} votes on one idea; choose a larger cap or reset the votes.`,
    );
  }
  return { ok: true, value: next };
}

/** The caller's own view of their votes, as castVote, retractVote and myVotes answer it. */
export function myVotesValue(
  votes: VoteCounts,
  scores: ScoreSheet,
  settings: Pick<Settings, 'voteBudget' | 'perIdeaCap'>,
  opts: { revealed: boolean; canVote: boolean; counts?: (ideaId: string) => boolean },
): MyVotesValue {
  const counts = opts.counts ?? (() => true);
  const visible: VoteCounts = {};
  for (const [id, c] of Object.entries(votes)) if (c > 0 && counts(id)) visible[id] = c;
  return {
    budget: settings.voteBudget,
    perIdeaCap: settings.perIdeaCap,
    remaining: remainingVotes(votes, settings.voteBudget, counts),
    votes: visible,
    scores,
    canVote: opts.canVote && !opts.revealed,
  };
}
