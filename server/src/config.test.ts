import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'throughline-config-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('configFromEnv', () => {
  it('puts a relative data dir where the command was typed (pnpm sets INIT_CWD), with a secret kept there', () => {
    const where = scratch();
    const a = configFromEnv({ INIT_CWD: where, THROUGHLINE_DATA_DIR: 'data' });
    expect(a.dataDir).toBe(join(where, 'data'));
    expect(configFromEnv({ INIT_CWD: where, THROUGHLINE_DATA_DIR: 'data' }).secret).toBe(a.secret);
  });

  it('defaults to port 3000 on loopback, SQLite, offline AI and public-only webhooks', () => {
    const c = configFromEnv({ INIT_CWD: scratch() });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, redisUrl: null, webhookAllowPrivate: false });
    expect(c.openai.apiKey).toBeNull();
  });

  it('lets the operator allow private webhook targets', () => {
    expect(configFromEnv({ INIT_CWD: scratch(), THROUGHLINE_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(configFromEnv({ INIT_CWD: scratch(), THROUGHLINE_WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate).toBe(false);
  });

  it('leaves the token secret to the database with DATABASE_URL (nothing written to the data dir) unless THROUGHLINE_SECRET is set', () => {
    const where = scratch();
    const c = configFromEnv({ INIT_CWD: where, DATABASE_URL: 'postgres://db/x' });
    expect(c.secret).toBeNull();
    expect(existsSync(join(where, 'data', 'secret'))).toBe(false);
    expect(configFromEnv({ INIT_CWD: where, DATABASE_URL: 'postgres://db/x', THROUGHLINE_SECRET: 's3' }).secret).toBe('s3');
  });

  it('reads the pool size, drain grace and rate limit, falling back on nonsense', () => {
    const c = configFromEnv({ INIT_CWD: scratch(), DATABASE_POOL_SIZE: '20', THROUGHLINE_DRAIN_SECONDS: '2.5' });
    expect(c).toMatchObject({ databasePoolSize: 20, drainGraceMs: 2500 });
    const d = configFromEnv({ INIT_CWD: scratch(), DATABASE_POOL_SIZE: 'lots', THROUGHLINE_DRAIN_SECONDS: '-1' });
    expect(d).toMatchObject({ databasePoolSize: 8, drainGraceMs: 10_000 });
  });
});
