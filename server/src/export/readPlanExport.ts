import {
  buildPlan,
  type PlanExport,
  readBrief,
  readBriefHistory,
  readClusters,
  readDecisions,
  readFinalisation,
  readIdeas,
  readPhase,
  readSteps,
  readTallies,
} from '@throughline/shared';
import type * as Y from 'yjs';
import { toPlanExport } from './toPlanExport.ts';

export interface PlanSource {
  sessionId: string;
  createdAt: string | null;
  board: Y.Doc;
  control: Y.Doc;
  now: Date;
}

/**
 * Reads a session's documents into the (v2) export. Null only when the
 * control doc has no brief (a session that never finished being created).
 * `today` for "review due" is the UTC date of `now`, so an export made at
 * the same instant says the same thing wherever the server runs.
 */
export function readPlanExport(src: PlanSource): PlanExport | null {
  const brief = readBrief(src.control);
  if (!brief) return null;
  const plan = buildPlan(brief, readIdeas(src.board), readTallies(src.control), readDecisions(src.control), readSteps(src.control), {
    clusters: readClusters(src.board),
    today: src.now.toISOString().slice(0, 10),
    strategyChecks: readBriefHistory(src.control),
  });
  const fin = readFinalisation(src.control);
  return toPlanExport(plan, {
    sessionId: src.sessionId,
    phase: readPhase(src.control).current,
    createdAt: src.createdAt,
    finalised: fin
      ? {
          revision: fin.revision,
          finalisedAt: fin.finalisedAt,
          finalisedBy: fin.finalisedBy,
        }
      : null,
    now: src.now,
  });
}
