import type { FastifyInstance } from 'fastify';
import { AiService } from './AiService.ts';
import { createIdeaGenerator } from './createIdeaGenerator.ts';

// Keyed by the HTTP server: route plugins see encapsulated child instances of the app, which share it.
const services = new WeakMap<object, AiService>();

/**
 * The app's AI service, created on first use from `app.config.openai`
 * (offline when no key or base URL is configured). One per app instance, so
 * rate limits and running generations are shared by all of a server's
 * sessions and tests with several apps stay apart.
 */
export function aiServiceFor(app: FastifyInstance): AiService {
  let s = services.get(app.server);
  if (!s) {
    const log = {
      info: (o: object, m: string) => app.log.info(o, m),
      warn: (o: object, m: string) => app.log.warn(o, m),
      error: (o: object, m: string) => app.log.error(o, m),
    };
    s = new AiService({ generator: createIdeaGenerator(app.config.openai, { log }), rooms: app.rooms, log });
    services.set(app.server, s);
    const service = s;
    // Stop generations when the server stops (the rooms they write to are closing).
    app.server.once('close', () => {
      service.closeAll().catch(() => {});
    });
  }
  return s;
}

/** Replaces the app's AI service (tests use this to shorten limits or inject a generator). */
export function installAiService(app: FastifyInstance, service: AiService): AiService {
  services.set(app.server, service);
  return service;
}
