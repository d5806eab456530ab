import type * as Y from 'yjs';
import { isSelectable } from '../model/idea.ts';
import type { CriterionId, IdeaId, ParticipantId } from '../model/ids.ts';
import type { Score, Tally, Vote } from '../model/selection.ts';
import { readIdea, readIdeas } from '../ydoc/boardDoc.ts';
import { clearTallies, writePhase, writeTally } from '../ydoc/controlDoc.ts';
import { computeTallies } from './tallies.ts';
import type { ScoreSheet, VoteCounts } from './voting.ts';

/**
 * The server's `private` document: per-person votes and scores before
 * reveal. It is never served over a socket, so no client can learn who
 * voted for what; only anonymous tallies leave it, at reveal. The only
 * server-written doc whose values are keyed by participant.
 *
 *   votes:  Y.Map<ParticipantId, VoteCounts>   (IdeaId → dots)
 *   scores: Y.Map<ParticipantId, ScoreSheet>   (IdeaId → CriterionId → 1–5)
 *
 * Values are whole JSON records replaced on every change: one writer (the
 * server, one command at a time) means there is nothing to merge.
 */
export const PRIVATE_ROOTS = { votes: 'votes', scores: 'scores' } as const;

const votesMap = (doc: Y.Doc) => doc.getMap<unknown>(PRIVATE_ROOTS.votes);
const scoresMap = (doc: Y.Doc) => doc.getMap<unknown>(PRIVATE_ROOTS.scores);

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const scoreValue = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;

/** One person's dots; tolerant of malformed entries (dropped). */
export function readMyVotes(doc: Y.Doc, participantId: string): VoteCounts {
  const raw = votesMap(doc).get(participantId);
  const out: VoteCounts = {};
  if (isRecord(raw)) for (const [id, c] of Object.entries(raw)) if (positiveInt(c)) out[id] = c;
  return out;
}

/** Replaces one person's dots (an empty record removes the entry). */
export function writeMyVotes(doc: Y.Doc, participantId: string, votes: VoteCounts): void {
  if (Object.keys(votes).length === 0) votesMap(doc).delete(participantId);
  else votesMap(doc).set(participantId, { ...votes });
}

/** One person's scores; tolerant of malformed entries (dropped). */
export function readMyScores(doc: Y.Doc, participantId: string): ScoreSheet {
  const raw = scoresMap(doc).get(participantId);
  const out: ScoreSheet = {};
  if (!isRecord(raw)) return out;
  for (const [ideaId, row] of Object.entries(raw)) {
    if (!isRecord(row)) continue;
    const clean: Record<string, number> = {};
    for (const [crit, v] of Object.entries(row)) if (scoreValue(v)) clean[crit] = v;
    if (Object.keys(clean).length > 0) out[ideaId] = clean;
  }
  return out;
}

export function writeMyScores(doc: Y.Doc, participantId: string, sheet: ScoreSheet): void {
  if (Object.keys(sheet).length === 0) scoresMap(doc).delete(participantId);
  else scoresMap(doc).set(participantId, structuredClone(sheet));
}

/** Every person's dots, by participant (for budget checks on settings changes). */
export function readAllVoteCounts(doc: Y.Doc): Map<string, VoteCounts> {
  const out = new Map<string, VoteCounts>();
  for (const pid of votesMap(doc).keys()) out.set(pid, readMyVotes(doc, pid));
  return out;
}

/** Every vote as flat records, for tallying. */
export function readAllVotes(doc: Y.Doc): Vote[] {
  const out: Vote[] = [];
  for (const [pid, counts] of readAllVoteCounts(doc)) {
    for (const [ideaId, count] of Object.entries(counts)) {
      out.push({ participantId: pid as ParticipantId, ideaId: ideaId as IdeaId, count });
    }
  }
  return out;
}

/** Every score as flat records, for tallying. */
export function readAllScores(doc: Y.Doc): Score[] {
  const out: Score[] = [];
  for (const pid of scoresMap(doc).keys()) {
    for (const [ideaId, row] of Object.entries(readMyScores(doc, pid))) {
      for (const [criterionId, value] of Object.entries(row)) {
        out.push({
          participantId: pid as ParticipantId,
          ideaId: ideaId as IdeaId,
          criterionId: criterionId as CriterionId,
          value,
        });
      }
    }
  }
  return out;
}

/** Forgets every vote and score (a new round of voting). */
export function clearVotesAndScores(doc: Y.Doc): void {
  votesMap(doc).clear();
  scoresMap(doc).clear();
}

/**
 * Reveal: computes anonymous tallies for `ideaIds` from the private doc and
 * publishes them to the control doc, replacing any earlier ones, and marks
 * the session revealed (which closes voting and scoring). Call with both
 * docs inside command transactions; this is the only path by which vote
 * data reaches a synced document, and it carries no participant id.
 */
export function revealVotes(
  control: Y.Doc,
  privateDoc: Y.Doc,
  ideaIds: readonly IdeaId[],
  criteria: readonly { id: string; weight: number }[],
): Tally[] {
  const tallies = computeTallies(ideaIds, readAllVotes(privateDoc), readAllScores(privateDoc), criteria);
  clearTallies(control);
  for (const t of tallies) writeTally(control, t);
  writePhase(control, { revealed: true });
  return tallies;
}

/** A new round: forgets private votes and scores, withdraws published tallies and reopens voting. */
export function resetVotes(control: Y.Doc, privateDoc: Y.Doc): void {
  clearVotesAndScores(privateDoc);
  clearTallies(control);
  writePhase(control, { revealed: false });
}

/**
 * Whether dots on an idea still count: the note exists and is selectable.
 * Budgets are judged through this, so deleting a note (back in explore)
 * hands its dots back without rewriting anyone's private record.
 */
export const votableOn = (board: Y.Doc) => (ideaId: string) => {
  const idea = readIdea(board, ideaId);
  return !!idea && isSelectable(idea);
};

/** Ids of every idea that may be voted on, scored or decided, in board order. */
export const selectableIdeaIds = (board: Y.Doc): IdeaId[] =>
  readIdeas(board)
    .filter(isSelectable)
    .map((i) => i.id);
