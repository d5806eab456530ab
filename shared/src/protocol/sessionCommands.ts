import { z } from 'zod';

/**
 * Session-level settings the facilitator changes outside voting:
 * private mode (brainwriting into personal drafts) and the AI anchoring
 * guard. Vote budget, cap and blind origin live in `setVoting`.
 */
export const UpdateSettingsCommand = z.object({
  type: z.literal('updateSettings'),
  privateMode: z.boolean().optional(),
  aiMinOwnIdeas: z.number().int().min(0).max(50).optional(),
});

/**
 * Publishes every participant's private drafts onto the shared board. Also
 * happens by itself when the board freezes (explore → select), so no draft
 * is stranded.
 */
export const PublishDraftsCommand = z.object({
  type: z.literal('publishDrafts'),
});

export const SESSION_COMMAND_SCHEMAS = [UpdateSettingsCommand, PublishDraftsCommand] as const;
