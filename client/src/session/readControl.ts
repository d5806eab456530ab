import {
  type Brief,
  type Decision,
  type NextStep,
  type PhaseState,
  readBrief,
  readDecisions,
  readPhase,
  readSettings,
  readSteps,
  readTallies,
  type Settings,
  type Tally,
} from '@throughline/shared';
import type * as Y from 'yjs';

/** What panels read of the server-written control doc, re-read whenever it changes. */
export interface ControlSnapshot {
  brief: Brief | null;
  phase: PhaseState;
  settings: Settings;
  tallies: Tally[];
  decisions: Decision[];
  steps: NextStep[];
}

export const readControl = (doc: Y.Doc): ControlSnapshot => ({
  brief: readBrief(doc),
  phase: readPhase(doc),
  settings: readSettings(doc),
  tallies: readTallies(doc),
  decisions: readDecisions(doc),
  steps: readSteps(doc),
});
