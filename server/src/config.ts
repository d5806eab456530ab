import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RateLimitConfig } from './routes/rateLimitPlugin.ts';

/** Everything the server reads from its environment, resolved once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * The token HMAC key: `THROUGHLINE_SECRET`, else (SQLite) one generated into the data dir; null with
   * `DATABASE_URL`, where every instance shares one generated into the database.
   */
  secret: string | null;
  databaseUrl: string | null;
  /** Connections per PostgreSQL pool; each instance has two pools (see README "Several instances"). */
  databasePoolSize: number;
  redisUrl: string | null;
  /** The idea generator: a model's settings, and how far apart the offline generator's ideas arrive. */
  openai: { apiKey: string | null; baseUrl: string | null; model: string; offlinePaceMs?: number };
  /** Directory of the built client to serve at `/`, or null to serve the API only. */
  clientDist: string | null;
  /** Let webhooks reach loopback and private networks (a local receiver in development); off by default. */
  webhookAllowPrivate: boolean;
  /** Session creations and joins per minute per client address, and addresses exempt from both. */
  rateLimit: RateLimitConfig;
  /** Fastify's `trustProxy`: whose X-Forwarded-For to believe for the client address (rate limits). */
  trustProxy: boolean | string[];
  /** On SIGTERM, how long open sockets may keep working before they are closed with 1012. */
  drainGraceMs: number;
  /** SMTP relay for notification mail (`smtp://user:pass@host:587`, `smtps://…`); null turns mail off. */
  smtpUrl: string | null;
  /** The From of notification mail. */
  smtpFrom: string | null;
  /** Where people reach this server (links in mail and chat posts), e.g. https://throughline.example.com. */
  publicUrl: string | null;
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
    secret: env.THROUGHLINE_SECRET || (env.DATABASE_URL ? null : loadOrCreateSecret(dataDir)),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: positiveInt(env.DATABASE_POOL_SIZE, 8),
    redisUrl: env.REDIS_URL || null,
    openai: {
      apiKey: env.OPENAI_API_KEY || null,
      baseUrl: env.OPENAI_BASE_URL || null,
      model: env.THROUGHLINE_AI_MODEL || 'gpt-4o-mini',
      ...(env.THROUGHLINE_AI_OFFLINE_PACE_MS ? { offlinePaceMs: Number(env.THROUGHLINE_AI_OFFLINE_PACE_MS) } : {}),
    },
    clientDist: existsSync(join(dist, 'index.html')) ? dist : null,
    webhookAllowPrivate: env.THROUGHLINE_WEBHOOK_ALLOW_PRIVATE === '1' || env.THROUGHLINE_WEBHOOK_ALLOW_PRIVATE === 'true',
    rateLimit: {
      createPerMinute: positiveInt(env.THROUGHLINE_RATE_LIMIT_CREATE, 20),
      joinPerMinute: positiveInt(env.THROUGHLINE_RATE_LIMIT_JOIN, 120),
      allow: list(env.THROUGHLINE_RATE_LIMIT_ALLOW),
    },
    trustProxy: trustProxyFrom(env.THROUGHLINE_TRUST_PROXY),
    smtpUrl: env.THROUGHLINE_SMTP_URL || null,
    smtpFrom: env.THROUGHLINE_SMTP_FROM || null,
    publicUrl: env.THROUGHLINE_PUBLIC_URL || null,
    drainGraceMs: seconds(env.THROUGHLINE_DRAIN_SECONDS, 10) * 1000,
  };
}

/** A non-negative number of seconds from the environment, or the default when unset or not a number. */
function seconds(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A positive integer from the environment, or the default when unset or not one. */
function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A comma-separated list from the environment (addresses, CIDR ranges). */
function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `true`/`1` trusts any proxy (one you run in front, nothing else reachable); a list trusts those addresses. */
function trustProxyFrom(raw: string | undefined): boolean | string[] {
  if (raw === 'true' || raw === '1') return true;
  const proxies = list(raw);
  return proxies.length > 0 ? proxies : false;
}
