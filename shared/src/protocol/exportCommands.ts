import { z } from 'zod';

/**
 * A webhook target: http or https only (no `file:`, `javascript:`, …), at
 * most 2000 characters. Webhook URLs are often bearer secrets (Slack, Teams,
 * Zapier put the key in the path), so the server keeps the full URL in its
 * private doc and shows everyone else a masked form.
 */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'a webhook URL is at most 2000 characters')
  .url('not a URL')
  .refine((s) => /^https?:\/\//i.test(s), 'a webhook URL must start with http:// or https://');

/**
 * Facilitator only. Sets (or with `url: null` removes) the outbound webhook
 * that receives the JSON plan when the plan is finalised. A new URL gets a
 * new signing secret, returned in this response and never again; the same
 * URL again keeps its secret and does not return it (`rotateWebhookSecret`
 * issues a new one).
 */
export const SetWebhookCommand = z.object({
  type: z.literal('setWebhook'),
  url: WebhookUrlSchema.nullable(),
});

/**
 * Facilitator only, in the plan or review phase, once the plan has at least
 * one next step. Publishes the plan as a new revision and POSTs it to the
 * webhook (if set). The plan stays editable; finalising again publishes again.
 */
export const FinalisePlanCommand = z.object({
  type: z.literal('finalisePlan'),
});

/**
 * Facilitator only, with a webhook set. Replaces the signing secret (say,
 * after it leaked or the receiver was rebuilt) and returns the new one, once.
 * Deliveries from then on are signed with it; retries already queued keep
 * the signature they were created with.
 */
export const RotateWebhookSecretCommand = z.object({
  type: z.literal('rotateWebhookSecret'),
});

/** Facilitator only. Sends a small `ping` delivery so the facilitator can check the receiver before finalising. */
export const TestWebhookCommand = z.object({
  type: z.literal('testWebhook'),
});

export const EXPORT_COMMAND_SCHEMAS = [SetWebhookCommand, RotateWebhookSecretCommand, FinalisePlanCommand, TestWebhookCommand] as const;
