import { z } from 'zod';
import { AgendaItemSchema } from './agenda.ts';
import { BriefInputSchema } from './brief.ts';

/**
 * A way to start a session: a brief skeleton (example objective, weighted
 * criteria and success metrics the facilitator rewrites), an agenda with
 * suggested minutes, and voting settings. The brief check runs on what the
 * facilitator finally submits, never on the skeleton alone.
 */
export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  name: z.string().min(1).max(80),
  /** One line on when to use it. */
  summary: z.string().min(1).max(300),
  /** `live` runs in one sitting with the timer; `async` over days with deadlines. */
  mode: z.enum(['live', 'async']),
  brief: BriefInputSchema,
  agenda: z.array(AgendaItemSchema).min(1).max(30),
  voting: z.object({
    voteBudget: z.number().int().min(1).max(50),
    perIdeaCap: z.number().int().min(1).max(50),
    blindOrigin: z.boolean(),
  }),
  /** Start with private brainwriting on. */
  privateMode: z.boolean(),
});
export type Template = z.input<typeof TemplateSchema>;
