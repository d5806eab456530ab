import type { PlanExport } from '@throughline/shared';
import { FIXTURE_CREATED_AT, FIXTURE_NOW, FIXTURE_SESSION_ID, fixtureDocs } from '../../server/src/export/planFixture.ts';
import { readPlanExport } from '../../server/src/export/readPlanExport.ts';

/** The fixture session's plan as exported at the fixed instant the golden files were written at. */
export function fixturePlan(): PlanExport {
  const { board, control } = fixtureDocs();
  const plan = readPlanExport({ sessionId: FIXTURE_SESSION_ID, createdAt: FIXTURE_CREATED_AT, board, control, now: FIXTURE_NOW });
  if (!plan) throw new Error('the fixture always has a brief');
  return plan;
}
