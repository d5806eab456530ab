import {
  type Agenda,
  type Attention,
  type Brief,
  type Decision,
  type NextStep,
  type Phase,
  type PhaseState,
  readAgenda,
  readAttention,
  readBrief,
  readDecisions,
  readPhase,
  readReady,
  readSettings,
  readSteps,
  readTallies,
  readTimer,
  type Settings,
  type Tally,
  type Timer,
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
  /** Live workshop: the countdown, the agenda, who is done with which phase, summon and spotlight. */
  timer: Timer;
  agenda: Agenda;
  ready: Record<string, Phase>;
  attention: Attention;
}

export const readControl = (doc: Y.Doc): ControlSnapshot => ({
  brief: readBrief(doc),
  phase: readPhase(doc),
  settings: readSettings(doc),
  tallies: readTallies(doc),
  decisions: readDecisions(doc),
  steps: readSteps(doc),
  timer: readTimer(doc),
  agenda: readAgenda(doc),
  ready: readReady(doc),
  attention: readAttention(doc),
});

/** Blind origin hides who (person or AI) wrote an idea while ideas are being judged (decision 0503). */
export const originShown = (c: Pick<ControlSnapshot, 'settings' | 'phase'>): boolean =>
  !(c.settings.blindOrigin && c.phase.current === 'select');
