import type * as Y from 'yjs';
import type { Brief } from '../model/brief.ts';
import type { NextStep } from '../model/nextStep.ts';
import type { Phase } from '../model/phase.ts';
import { PHASES } from '../model/phase.ts';
import type { Decision, Tally } from '../model/selection.ts';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../model/settings.ts';
import type { FollowUpRecord, StrategyCheck } from '../model/strategyCheck.ts';
import type { Migration } from './schemaVersion.ts';

/**
 * The `control` document. Only the server writes it (by applying validated
 * commands), so its values are plain JSON records inside Y.Maps: clients
 * read and observe, never merge concurrent edits.
 *
 *   meta:      { schemaVersion }
 *   brief:     { value: Brief }
 *   phase:     { current: Phase, changedAt, changedBy, revealed: boolean }
 *   settings:  { ...Settings }
 *   tallies:   IdeaId → Tally          (written only at reveal)
 *   decisions: IdeaId → Decision
 *   steps:     StepId → NextStep
 *   briefHistory: StrategyCheck id → StrategyCheck   (the strategy checks this brief went through)
 *   followUps: SessionId → FollowUpRecord             (follow-up sessions started from this one)
 *   timer:     { state, endsAt, remainingMs, durationMs, label }   (see model/timer.ts)
 *   agenda:    { items: AgendaItem[], current: number | null }
 *   ready:     ParticipantId → Phase they said they are done with
 *   attention: { summon: Summon | null, spotlight: Spotlight | null }
 */
export const CONTROL_ROOTS = {
  meta: 'meta',
  brief: 'brief',
  phase: 'phase',
  settings: 'settings',
  tallies: 'tallies',
  decisions: 'decisions',
  steps: 'steps',
  briefHistory: 'briefHistory',
  followUps: 'followUps',
  timer: 'timer',
  agenda: 'agenda',
  ready: 'ready',
  attention: 'attention',
} as const;

export const CONTROL_MIGRATIONS: readonly Migration[] = [{ id: 'control/1-initial', to: 1, up: () => {} }];

export const controlMap = (doc: Y.Doc, root: keyof typeof CONTROL_ROOTS) => doc.getMap<unknown>(CONTROL_ROOTS[root]);

export function readBrief(doc: Y.Doc): Brief | null {
  const v = controlMap(doc, 'brief').get('value');
  return v && typeof v === 'object' ? (v as Brief) : null;
}

export const writeBrief = (doc: Y.Doc, brief: Brief) => controlMap(doc, 'brief').set('value', brief);

export interface PhaseState {
  current: Phase;
  changedAt: string | null;
  changedBy: string | null;
  /** Votes and scores have been revealed (tallies published). */
  revealed: boolean;
}

export function readPhase(doc: Y.Doc): PhaseState {
  const m = controlMap(doc, 'phase');
  const cur = m.get('current');
  return {
    current: (PHASES as readonly unknown[]).includes(cur) ? (cur as Phase) : 'explore',
    changedAt: (m.get('changedAt') as string) ?? null,
    changedBy: (m.get('changedBy') as string) ?? null,
    revealed: m.get('revealed') === true,
  };
}

export function writePhase(doc: Y.Doc, patch: Partial<PhaseState>): void {
  const m = controlMap(doc, 'phase');
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
}

/** Settings with defaults for anything missing or invalid. */
export function readSettings(doc: Y.Doc): Settings {
  const raw = Object.fromEntries(controlMap(doc, 'settings').entries());
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function writeSettings(doc: Y.Doc, patch: Partial<Settings>): void {
  const m = controlMap(doc, 'settings');
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
}

const values = <T>(doc: Y.Doc, root: 'tallies' | 'decisions' | 'steps' | 'briefHistory' | 'followUps') =>
  [...controlMap(doc, root).values()].filter((v): v is T => !!v && typeof v === 'object');

export const readTallies = (doc: Y.Doc) => values<Tally>(doc, 'tallies');
/** Decisions, with the fields added after v1 filled in for decisions stored before them. */
export const readDecisions = (doc: Y.Doc): Decision[] =>
  values<Decision>(doc, 'decisions').map((d) => ({
    ...d,
    servesCriteria: Array.isArray(d.servesCriteria) ? d.servesCriteria : [],
    override: d.override === true,
    overrideReason: typeof d.overrideReason === 'string' ? d.overrideReason : '',
  }));
/** Steps, with a success check's metric link (added later) read as null where it was never set. */
export const readSteps = (doc: Y.Doc): NextStep[] =>
  values<NextStep>(doc, 'steps').map((s) => ({
    ...s,
    successCheck: { ...s.successCheck, metric: typeof s.successCheck?.metric === 'string' ? s.successCheck.metric : null },
  }));

export const writeTally = (doc: Y.Doc, t: Tally) => controlMap(doc, 'tallies').set(t.ideaId, t);
export const clearTallies = (doc: Y.Doc) => controlMap(doc, 'tallies').clear();
export const writeDecision = (doc: Y.Doc, d: Decision) => controlMap(doc, 'decisions').set(d.ideaId, d);
export const deleteDecision = (doc: Y.Doc, ideaId: string) => controlMap(doc, 'decisions').delete(ideaId);
export const writeStep = (doc: Y.Doc, s: NextStep) => controlMap(doc, 'steps').set(s.id, s);
export const deleteStep = (doc: Y.Doc, id: string) => controlMap(doc, 'steps').delete(id);

/** The brief's strategy checks, oldest first. */
export const readBriefHistory = (doc: Y.Doc): StrategyCheck[] =>
  values<StrategyCheck>(doc, 'briefHistory').sort((a, b) => a.checkedAt.localeCompare(b.checkedAt) || a.id.localeCompare(b.id));
export const writeStrategyCheck = (doc: Y.Doc, c: StrategyCheck) => controlMap(doc, 'briefHistory').set(c.id, c);

/** Follow-up sessions started from this one, oldest first. */
export const readFollowUps = (doc: Y.Doc): FollowUpRecord[] =>
  values<FollowUpRecord>(doc, 'followUps').sort((a, b) => a.startedAt.localeCompare(b.startedAt));
export const writeFollowUp = (doc: Y.Doc, f: FollowUpRecord) => controlMap(doc, 'followUps').set(f.sessionId, f);
