import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AiService, type AiServiceLimits } from './AiService.ts';
import { countedGenerator } from './countedGenerator.ts';
import { createIdeaGenerator } from './createIdeaGenerator.ts';
import type { IdeaGenerator } from './IdeaGenerator.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Idea generation and cluster suggestions for every session of this app (one rate limit, one set of running generations). */
    ai: AiService;
  }
}

export interface AiPluginOptions {
  /** Tighter or looser limits than `DEFAULT_AI_LIMITS` (tests shorten them). */
  limits?: Partial<AiServiceLimits>;
  /** A generator other than the one `app.config.openai` chooses. */
  generator?: IdeaGenerator;
}

/**
 * Decorates the app with `app.ai`, built from `app.config.openai` (offline
 * when no key or base URL is set) and writing into `app.rooms`. On close it
 * cancels running generations and waits for their last status writes, so
 * it must close before the rooms do: register it after the core services.
 */
export const aiPlugin = fp(
  async (app: FastifyInstance, opts: AiPluginOptions) => {
    const log = {
      info: (o: object, m: string) => app.log.info(o, m),
      warn: (o: object, m: string) => app.log.warn(o, m),
      error: (o: object, m: string) => app.log.error(o, m),
    };
    const ai = new AiService({
      generator: countedGenerator(opts.generator ?? (await createIdeaGenerator(app.config.openai, { log })), app.metrics.aiRequests),
      rooms: app.rooms,
      log,
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    app.decorate('ai', ai);
    app.addHook('onClose', () => ai.closeAll());
  },
  { name: 'ai', fastify: '5.x', decorators: { fastify: ['config', 'rooms', 'metrics'] } },
);
