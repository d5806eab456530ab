import { z } from 'zod';

/**
 * Facilitator-controlled session settings. Defaults follow common dot-voting
 * practice: 5 dots per person, at most 3 on any one idea.
 */
export const SettingsSchema = z.object({
  voteBudget: z.number().int().min(1).max(50).default(5),
  perIdeaCap: z.number().int().min(1).max(50).default(3),
  /** Participants write into private drafts, published to the board at reveal. */
  privateMode: z.boolean().default(false),
  /** Hide whether an idea came from a person or the AI until decisions are made. */
  blindOrigin: z.boolean().default(false),
  /** Hold AI generation back until every participant has added this many ideas of their own. */
  aiMinOwnIdeas: z.number().int().min(0).max(50).default(0),
  /** Outbound webhook that receives the JSON plan when the plan is finalised. */
  webhookUrl: z.string().url().max(2000).nullable().default(null),
});
export type Settings = z.output<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
