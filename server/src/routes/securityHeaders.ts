import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Browser security headers on every response (`@fastify/helmet`), with a
 * Content-Security-Policy the built client runs under: its own scripts only
 * (Vite emits no inline script), styles from itself plus inline ones (React
 * and Konva set style attributes), images from itself, `data:` (the favicon)
 * and `blob:` (board PNG export), and sockets to the same origin. Pages may
 * not be framed anywhere (clickjacking a facilitator's "finalise" button),
 * and no referrer leaves the app (download links carry `?token=`).
 */
export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      // TLS is the operator's proxy's business: a plain-http install must keep working, so no HSTS from here.
      strictTransportSecurity: false,
    });
  },
  { name: 'security-headers' },
);
