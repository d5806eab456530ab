import { mkdtempSync, rmSync } from 'node:fs';
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
});
