import { z } from 'zod';
import { AgendaItemsSchema } from '../model/agenda.ts';
import { CameraSchema } from '../model/attention.ts';
import { MAX_TIMER_SECONDS } from '../model/timer.ts';

/**
 * Live-workshop commands (DESIGN.md "Live workshops"). All but `setReady`
 * are the facilitator's; the server answers each with `serverTime` so
 * clients can correct for clock skew.
 */
export const StartTimerCommand = z.object({
  type: z.literal('startTimer'),
  seconds: z.number().int().min(1).max(MAX_TIMER_SECONDS),
  label: z.string().trim().max(120).optional(),
  /** Starting an agenda item: the index of the item, which becomes the agenda's current one. */
  agendaItem: z.number().int().min(0).max(29).optional(),
});

export const PauseTimerCommand = z.object({ type: z.literal('pauseTimer') });
export const ResumeTimerCommand = z.object({ type: z.literal('resumeTimer') });
export const StopTimerCommand = z.object({ type: z.literal('stopTimer') });

/** Negative seconds take time away (never below zero). */
export const AddTimeCommand = z.object({
  type: z.literal('addTime'),
  seconds: z
    .number()
    .int()
    .min(-MAX_TIMER_SECONDS)
    .max(MAX_TIMER_SECONDS)
    .refine((s) => s !== 0, 'add or take away at least a second'),
});

export const SetAgendaCommand = z.object({ type: z.literal('setAgenda'), items: AgendaItemsSchema });

/** A participant says they are done with (or back in) the current phase. */
export const SetReadyCommand = z.object({ type: z.literal('setReady'), ready: z.boolean() });

export const SummonCommand = z.object({ type: z.literal('summon'), camera: CameraSchema });

/** An idea id or a cluster id to highlight for everyone; null clears the spotlight. */
export const SpotlightCommand = z.object({ type: z.literal('spotlight'), target: z.string().min(1).max(100).nullable() });

/** The facilitator's view of private brainwriting: how many notes each person holds in drafts (never their text). */
export const DraftCountsCommand = z.object({ type: z.literal('draftCounts') });

export const WORKSHOP_COMMAND_SCHEMAS = [
  StartTimerCommand,
  PauseTimerCommand,
  ResumeTimerCommand,
  AddTimeCommand,
  StopTimerCommand,
  SetAgendaCommand,
  SetReadyCommand,
  SummonCommand,
  SpotlightCommand,
  DraftCountsCommand,
] as const;
