import { z } from 'zod';
import { PhaseSchema } from './phase.ts';

/**
 * One timebox of a workshop's agenda: which phase it belongs to, its
 * suggested minutes and what the room does in it ("Silent brainwriting").
 * Starting an item starts the timer with its minutes and label; it never
 * changes the phase by itself (the facilitator does that).
 */
export const AgendaItemSchema = z.object({
  phase: PhaseSchema,
  /** Up to a week, for async rounds. */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  label: z.string().trim().max(120).optional(),
});
export type AgendaItem = z.output<typeof AgendaItemSchema>;

export const AgendaItemsSchema = z.array(AgendaItemSchema).max(30);

/** `control.agenda`: the items, and which one the timer was last started for (null before any). */
export interface Agenda {
  items: AgendaItem[];
  current: number | null;
}

export const EMPTY_AGENDA: Agenda = { items: [], current: null };

/** The label an item's timer shows: its own, or its phase's name. */
export const agendaItemLabel = (item: AgendaItem) => item.label || item.phase[0]?.toUpperCase() + item.phase.slice(1);
