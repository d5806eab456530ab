import type * as Y from 'yjs';
import { type Agenda, AgendaItemsSchema, EMPTY_AGENDA } from '../model/agenda.ts';
import { type Attention, CameraSchema, type Spotlight, type Summon } from '../model/attention.ts';
import { PHASES, type Phase } from '../model/phase.ts';
import { STOPPED_TIMER, type Timer, TimerSchema } from '../model/timer.ts';
import { controlMap } from './controlDoc.ts';

/**
 * The live-workshop roots of the `control` doc (timer, agenda, ready,
 * attention). Like the rest of control, only the server writes them; reads
 * are tolerant so a doc written by another version still renders.
 */

export function readTimer(doc: Y.Doc): Timer {
  const parsed = TimerSchema.safeParse(Object.fromEntries(controlMap(doc, 'timer').entries()));
  return parsed.success ? parsed.data : { ...STOPPED_TIMER };
}

export function writeTimer(doc: Y.Doc, t: Timer): void {
  const m = controlMap(doc, 'timer');
  for (const [k, v] of Object.entries(t)) if (m.get(k) !== v) m.set(k, v);
}

export function readAgenda(doc: Y.Doc): Agenda {
  const m = controlMap(doc, 'agenda');
  const items = AgendaItemsSchema.safeParse(m.get('items'));
  if (!items.success) return { ...EMPTY_AGENDA };
  const cur = m.get('current');
  const current = typeof cur === 'number' && Number.isInteger(cur) && cur >= 0 && cur < items.data.length ? cur : null;
  return { items: items.data, current };
}

export function writeAgenda(doc: Y.Doc, patch: Partial<Agenda>): void {
  const m = controlMap(doc, 'agenda');
  if (patch.items !== undefined) m.set('items', patch.items);
  if (patch.current !== undefined) m.set('current', patch.current);
}

/** Participant id → the phase they said they are done with. Entries for other phases are stale and ignored by readers. */
export function readReady(doc: Y.Doc): Record<string, Phase> {
  const out: Record<string, Phase> = {};
  controlMap(doc, 'ready').forEach((v, k) => {
    if ((PHASES as readonly unknown[]).includes(v)) out[k] = v as Phase;
  });
  return out;
}

export function writeReady(doc: Y.Doc, participantId: string, phase: Phase | null): void {
  const m = controlMap(doc, 'ready');
  if (phase === null) m.delete(participantId);
  else m.set(participantId, phase);
}

export const clearReady = (doc: Y.Doc) => controlMap(doc, 'ready').clear();

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function readAttention(doc: Y.Doc): Attention {
  const m = controlMap(doc, 'attention');
  const s = m.get('summon');
  const sp = m.get('spotlight');
  const summon =
    isObject(s) && typeof s.id === 'string' && typeof s.at === 'number' && CameraSchema.safeParse(s.camera).success
      ? (s as unknown as Summon)
      : null;
  const spotlight =
    isObject(sp) && typeof sp.target === 'string' && (sp.kind === 'idea' || sp.kind === 'cluster') ? (sp as unknown as Spotlight) : null;
  return { summon, spotlight };
}

export const writeSummon = (doc: Y.Doc, s: Summon) => controlMap(doc, 'attention').set('summon', s);
export const writeSpotlight = (doc: Y.Doc, s: Spotlight | null) => controlMap(doc, 'attention').set('spotlight', s);
