import type { NextStep } from '../model/nextStep.ts';
import type { Phase } from '../model/phase.ts';
import type { Decision } from '../model/selection.ts';
import type { CommentRef, IdeaRef } from '../ops/activity.ts';

export interface PhaseChangeRef {
  to: Phase;
  at: string;
  /** True when the schedule moved it. */
  auto: boolean;
}

/** `GET /api/sessions/:id/activity[?since=<ISO>]`: what changed in a session since a time, for one reader. */
export interface ActivityReport {
  since: string;
  /** How the board diff was taken: from a state vector remembered then ('state': exact), or by note creation times ('time'). */
  basis: 'state' | 'time';
  /** The reader has no mark yet (never left the session): everything is "new", so a client shows nothing special. */
  first: boolean;
  ideas: { created: IdeaRef[]; changed: IdeaRef[] };
  comments: CommentRef[];
  mentions: CommentRef[];
  phaseChanges: PhaseChangeRef[];
  decisions: Decision[];
  steps: NextStep[];
  serverTime: number;
}

/** True when a report has anything to show. */
export const hasActivity = (r: ActivityReport) =>
  r.ideas.created.length + r.ideas.changed.length + r.comments.length + r.phaseChanges.length + r.decisions.length + r.steps.length > 0;
