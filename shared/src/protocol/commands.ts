import { z } from 'zod';
import { BriefInputSchema } from '../model/brief.ts';
import { PhaseSchema } from '../model/phase.ts';
import { AI_COMMAND_SCHEMAS } from './aiCommands.ts';
import { ASYNC_COMMAND_SCHEMAS } from './asyncCommands.ts';
import { EXPORT_COMMAND_SCHEMAS } from './exportCommands.ts';
import { SELECTION_COMMAND_SCHEMAS } from './selectionCommands.ts';
import { SESSION_COMMAND_SCHEMAS } from './sessionCommands.ts';
import { WORKSHOP_COMMAND_SCHEMAS } from './workshopCommands.ts';

/**
 * Commands change protected state. Clients POST them to
 * `/api/sessions/:id/commands`; the server validates, checks role and phase,
 * applies them to the `control` (or `board`) doc in one transaction tagged
 * `command`, and appends them to the audit log.
 *
 * Each command lives in its own schema so later features add members to
 * `COMMAND_SCHEMAS` without touching the others.
 */
export const UpdateBriefCommand = z.object({
  type: z.literal('updateBrief'),
  brief: BriefInputSchema,
});

export const SetPhaseCommand = z.object({
  type: z.literal('setPhase'),
  phase: PhaseSchema,
  /** Moving backwards discards nothing but must be confirmed: the client sends `confirm: true`. */
  confirm: z.boolean().optional(),
});

export const COMMAND_SCHEMAS = [
  UpdateBriefCommand,
  SetPhaseCommand,
  ...SESSION_COMMAND_SCHEMAS,
  ...SELECTION_COMMAND_SCHEMAS,
  ...EXPORT_COMMAND_SCHEMAS,
  ...AI_COMMAND_SCHEMAS,
  ...ASYNC_COMMAND_SCHEMAS,
  ...WORKSHOP_COMMAND_SCHEMAS,
] as const;

export const CommandSchema = z.discriminatedUnion('type', COMMAND_SCHEMAS);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
