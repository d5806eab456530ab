import { rmSync } from 'node:fs';
import type { AppOptions } from '@throughline/server';
import { afterAll, beforeAll } from 'vitest';
import { PUBLIC } from './mailSession.ts';
import { type SmtpSink, startSmtpSink } from './smtpSink.ts';
import { startServer, type TestServer } from './startServer.ts';

/**
 * A server that mails into a local SMTP sink, for one describe block: both
 * start before its tests and stop after them. The scheduler runs only when
 * a test ticks it (an hour apart otherwise), so reminders go out when the
 * test says. `restart` stops the server and starts it again on the same
 * data, with `between` run while it is down (e.g. moving a fake clock).
 */
export function mailServer(opts: Partial<AppOptions> = {}) {
  let sink: SmtpSink | undefined;
  let server: TestServer | undefined;
  let dataDir: string | undefined;
  const start = async () => {
    server = await startServer({
      schedulerIntervalMs: 3_600_000,
      ...opts,
      smtpUrl: (sink as SmtpSink).url,
      publicUrl: PUBLIC,
      ...(dataDir ? { dataDir } : { keepDataDir: true }),
    });
    dataDir = server.dataDir;
  };
  beforeAll(async () => {
    sink = await startSmtpSink();
    await start();
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get sink(): SmtpSink {
      return sink as SmtpSink;
    },
    get server(): TestServer {
      return server as TestServer;
    },
    async restart(between?: () => void): Promise<TestServer> {
      await server?.close();
      between?.();
      await start();
      return server as TestServer;
    },
  };
}
