import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Requests per minute per client address for the routes anyone can call without a token. */
export interface RateLimitConfig {
  createPerMinute: number;
  joinPerMinute: number;
  /** Addresses never limited (a trusted monitor, a load test); empty by default, loopback included. */
  allow: string[];
}

/**
 * `@fastify/rate-limit` for the routes that cost disk and need no token
 * (session creation, join). Off by default for every other route; each
 * limited route names its own `max`. Counters live in this instance's
 * memory: with several instances the limit is per instance.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(rateLimit, {
      global: false,
      allowList: app.config.rateLimit.allow,
      errorResponseBuilder: (_req, context) =>
        Object.assign(new Error(`too many requests from your address: retry in ${Math.ceil(context.ttl / 1000)} s`), {
          statusCode: 429,
          code: ErrorCode.rateLimited,
        }),
    });
  },
  { name: 'rate-limit' },
);
