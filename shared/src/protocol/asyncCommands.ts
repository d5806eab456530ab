import { z } from 'zod';
import { DeadlinesSchema } from '../model/schedule.ts';
import { WebhookUrlSchema } from './exportCommands.ts';

/**
 * Facilitator only. Sets the deadline of each phase (ISO times; omitted
 * phases have none) and whether the server moves the phase by itself at
 * each deadline. Replaces the previous schedule; a changed deadline can
 * fire again, an unchanged one cannot.
 */
export const SetScheduleCommand = z.object({
  type: z.literal('setSchedule'),
  deadlines: DeadlinesSchema,
  autoAdvance: z.boolean(),
});

/**
 * Facilitator only. A Slack-compatible incoming webhook (`{ text }` posts)
 * told about phase changes, deadlines closing soon and the finalised plan;
 * `null` removes it. Same public-address rule as the plan webhook.
 */
export const SetChatWebhookCommand = z.object({
  type: z.literal('setChatWebhook'),
  url: WebhookUrlSchema.nullable(),
});

export const ASYNC_COMMAND_SCHEMAS = [SetScheduleCommand, SetChatWebhookCommand] as const;
