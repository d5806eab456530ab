import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the server reads from its environment, resolved once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  secret: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** The idea generator: a model's settings, and how far apart the offline generator's ideas arrive. */
  openai: { apiKey: string | null; baseUrl: string | null; model: string; offlinePaceMs?: number };
  /** Directory of the built client to serve at `/`, or null to serve the API only. */
  clientDist: string | null;
  /** Let webhooks reach loopback and private networks (a local receiver in development); off by default. */
  webhookAllowPrivate: boolean;
  /** On SIGTERM, how long open sockets may keep working before they are closed with 1012. */
  drainGraceMs: number;
}

/**
 * The HMAC secret: `THROUGHLINE_SECRET`, or one generated on first start and
 * kept in the data dir, so tokens survive restarts without any setup.
 */
export function loadOrCreateSecret(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  // pnpm runs scripts inside server/; relative paths mean where the user typed the command.
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.THROUGHLINE_DATA_DIR ?? './data');
  const dist = resolve(import.meta.dirname, '../../client/dist');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    secret: loadOrCreateSecret(dataDir, env.THROUGHLINE_SECRET),
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
    openai: {
      apiKey: env.OPENAI_API_KEY || null,
      baseUrl: env.OPENAI_BASE_URL || null,
      model: env.THROUGHLINE_AI_MODEL || 'gpt-4o-mini',
      ...(env.THROUGHLINE_AI_OFFLINE_PACE_MS ? { offlinePaceMs: Number(env.THROUGHLINE_AI_OFFLINE_PACE_MS) } : {}),
    },
    clientDist: existsSync(join(dist, 'index.html')) ? dist : null,
    webhookAllowPrivate: env.THROUGHLINE_WEBHOOK_ALLOW_PRIVATE === '1' || env.THROUGHLINE_WEBHOOK_ALLOW_PRIVATE === 'true',
    drainGraceMs: seconds(env.THROUGHLINE_DRAIN_SECONDS, 10) * 1000,
  };
}

/** A non-negative number of seconds from the environment, or the default when unset or not a number. */
function seconds(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
