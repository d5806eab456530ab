import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { commentsWrittenBy, ErrorCode } from '@throughline/shared';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { activityPlugin } from './activity/activityPlugin.ts';
import { type AiPluginOptions, aiPlugin } from './ai/aiPlugin.ts';
import { TokenSigner } from './auth/tokenSigner.ts';
import { type Config, loadOrCreateSecret } from './config.ts';
import type { IssuesError } from './errors.ts';
import { SessionEvents } from './events/SessionEvents.ts';
import { healthRoutes } from './health/healthRoutes.ts';
import { Metrics } from './metrics/Metrics.ts';
import { notificationsPlugin } from './notify/notificationsPlugin.ts';
import { RedisRelay } from './relay/RedisRelay.ts';
import type { Relay } from './relay/Relay.ts';
import { apiDocsRoutes } from './routes/apiDocs.ts';
import { commandRoutes } from './routes/commands.ts';
import { exportRoutes } from './routes/exports.ts';
import { rateLimitPlugin } from './routes/rateLimitPlugin.ts';
import { securityHeaders } from './routes/securityHeaders.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { type Clock, systemClock } from './scheduler/Scheduler.ts';
import { schedulerPlugin } from './scheduler/schedulerPlugin.ts';
import { isStoreOutage } from './store/isStoreOutage.ts';
import { PgStore } from './store/PgStore.ts';
import { SqliteStore } from './store/SqliteStore.ts';
import type { Store } from './store/Store.ts';
import { RoomManager } from './sync/RoomManager.ts';
import { SyncServer } from './sync/syncServer.ts';
import type { WriteBudgetLimits } from './sync/WriteBudgets.ts';
import { webhooksPlugin } from './webhook/webhooksPlugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    store: Store;
    tokens: TokenSigner;
    rooms: RoomManager;
    sync: SyncServer;
    sessionEvents: SessionEvents;
    relay: Relay | null;
    metrics: Metrics;
  }
}

export interface AppConfig
  extends Pick<
    Config,
    | 'dataDir'
    | 'clientDist'
    | 'openai'
    | 'databaseUrl'
    | 'databasePoolSize'
    | 'redisUrl'
    | 'webhookAllowPrivate'
    | 'rateLimit'
    | 'trustProxy'
    | 'smtpUrl'
    | 'smtpFrom'
    | 'publicUrl'
  > {
  /** The token HMAC key, resolved (see `Config.secret`): plugins that sign things use it too. */
  secret: string;
  idleUnloadMs: number;
  compactEvery: number;
  ackIntervalMs: number;
  maxPayloadBytes: number;
  maxConnectionsPerParticipant: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  /** What writes may cost per participant and per session, across sockets, and the back-off after too much. */
  writeBudget: WriteBudgetLimits;
  /** Heartbeat: sockets are pinged this often; one silent for two intervals is closed. */
  pingIntervalMs: number;
  /** The time as the scheduler sees it (deadlines, reminders); tests pass a fake clock. */
  clock: Clock;
  /** How often each instance looks for sessions with something due. */
  schedulerIntervalMs: number;
  /** How often the mail outbox is looked at for mail due (new mail is sent at once). */
  mailIntervalMs: number;
}

export type AppOptions = Pick<AppConfig, 'dataDir'> &
  Partial<Omit<AppConfig, 'secret'>> & { secret?: string | null } & {
    store?: Store;
    logger?: FastifyServerOptions['logger'];
    ai?: AiPluginOptions;
  };

export const DEFAULTS = {
  idleUnloadMs: 30_000,
  compactEvery: 500,
  ackIntervalMs: 100,
  // A frame, and what one socket may send: a whole offline afternoon fits in one frame with room to spare.
  maxPayloadBytes: 4 * 1024 * 1024,
  maxConnectionsPerParticipant: 24,
  messagesPerSecond: 300,
  messageBurst: 600,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  writeBudget: {
    // A struct is what applying costs, which bytes do not measure; a burst of two full updates lets a
    // reconnect's sync step 2 through, and a paste of 500 notes is about 6,000.
    participant: { structsPerSecond: 5_000, structBurst: 40_000, bytesPerSecond: 512 * 1024, byteBurst: 4 * 1024 * 1024 },
    session: { structsPerSecond: 20_000, structBurst: 100_000, bytesPerSecond: 2 * 1024 * 1024, byteBurst: 12 * 1024 * 1024 },
    backoffMs: 2_000,
    maxBackoffMs: 60_000,
    forgetAfterMs: 5 * 60_000,
  },
  pingIntervalMs: 25_000,
  webhookAllowPrivate: false,
  rateLimit: { createPerMinute: 20, joinPerMinute: 120, allow: [] },
  trustProxy: false,
  clock: systemClock,
  schedulerIntervalMs: 15_000,
  mailIntervalMs: 10_000,
  smtpUrl: null,
  smtpFrom: null,
  publicUrl: null,
} satisfies Partial<AppConfig>;

/** Seconds a client is told to wait after a store outage answered 503. */
const STORE_RETRY_AFTER_S = 5;

/**
 * Builds the Throughline server without listening: tests call `inject()` or
 * `listen({ port: 0 })`; `server.ts` adds the port, signals and logging.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const settings = {
    ...DEFAULTS,
    clientDist: null,
    secret: null,
    databaseUrl: null,
    databasePoolSize: 8,
    redisUrl: null,
    openai: { apiKey: null, baseUrl: null, model: 'gpt-4o-mini' },
    ...opts,
  };
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: settings.trustProxy });
  await registerCore(app, settings, opts.store);

  // Services shared by every session: each is a plugin that decorates the app, names what it needs and
  // closes itself in its own onClose. Those run last-added first, so notifications stop before the
  // scheduler, the scheduler before the webhooks and AI it feeds, and all of them before the core.
  await app.register(aiPlugin, opts.ai ?? {});
  await app.register(webhooksPlugin);
  await app.register(schedulerPlugin, { clock: settings.clock, intervalMs: settings.schedulerIntervalMs });
  await app.register(activityPlugin);
  await app.register(notificationsPlugin, {
    smtpUrl: settings.smtpUrl,
    smtpFrom: settings.smtpFrom,
    publicUrl: settings.publicUrl,
    mailIntervalMs: settings.mailIntervalMs,
  });

  app.setErrorHandler(replyWithError);
  await app.register(securityHeaders);
  await app.register(rateLimitPlugin);
  await app.register(sessionRoutes);
  await app.register(commandRoutes);
  await app.register(exportRoutes);
  await app.register(apiDocsRoutes);
  await app.register(healthRoutes);
  await registerClient(app, settings.clientDist);

  // Sockets must go before the HTTP server closes: it waits for every open
  // connection, upgraded WebSockets included, before onClose hooks run.
  app.addHook('preClose', async () => {
    app.sync.closeAll();
  });
  return app;
}

type Settings = Omit<AppConfig, 'secret'> & { secret: string | null };

/**
 * The store, the Redis relay, the rooms and the sync server every session
 * shares, decorated onto the app. Their onClose hook is added before any
 * service's, so it runs after them: services still find the rooms open to
 * record how they stopped (a cancelled generation, a cancelled delivery).
 */
async function registerCore(app: FastifyInstance, settings: Settings, given: Store | undefined): Promise<void> {
  // SQLite unless DATABASE_URL names PostgreSQL; a Redis relay when REDIS_URL is set.
  const store =
    given ??
    (settings.databaseUrl
      ? await PgStore.connect(
          settings.databaseUrl,
          (err) => app.log.warn({ err: String(err) }, 'postgresql connection lost'),
          settings.databasePoolSize,
        )
      : new SqliteStore({ dataDir: settings.dataDir }));
  if (settings.redisUrl && !settings.databaseUrl && !given) {
    // SQLite compaction assumes one writer per data dir; several instances need PostgreSQL.
    throw new Error('REDIS_URL relays between instances that share a database: set DATABASE_URL (PostgreSQL) too');
  }
  const relay = settings.redisUrl
    ? await RedisRelay.connect(settings.redisUrl, undefined, (err) => app.log.warn({ err: String(err) }, 'redis relay'))
    : null;
  const metrics: Metrics = new Metrics({
    loadedRooms: (): number => rooms.loadedCount,
    connections: (): number => sync.connectionCount,
    relay: () => relay && { up: relay.healthy, subscriptions: relay.subscriptionCount },
    pools: () => store.poolStats()?.pools ?? [],
  });
  const rooms = new RoomManager(store, {
    metrics,
    idleUnloadMs: settings.idleUnloadMs,
    compactEvery: settings.compactEvery,
    ackIntervalMs: settings.ackIntervalMs,
    relay,
    onError: (err) => app.log.error({ err }, 'room error'),
  });
  // One token secret for every instance on a shared database, so a token from one is good at all.
  const secret = settings.secret ?? (store instanceof PgStore ? await store.sharedSecret() : loadOrCreateSecret(settings.dataDir));
  const config: AppConfig = { ...settings, secret };
  const tokens = new TokenSigner(secret);
  const sync = createSync(app, { store, tokens, rooms, metrics, config });
  if (relay) {
    relay.onReconnect(() => metrics.relayReconnects.inc());
    relay.onStateChange((healthy) => {
      if (healthy) app.log.info('redis relay connected');
      else app.log.warn('redis relay lost: edits are saved, other instances see them when it returns');
      sync.setRelayDegraded(!healthy);
    });
    sync.setRelayDegraded(!relay.healthy);
  }
  app.decorate('config', config);
  app.decorate('store', store);
  app.decorate('tokens', tokens);
  app.decorate('rooms', rooms);
  app.decorate('sync', sync);
  app.decorate('sessionEvents', new SessionEvents((err, event) => app.log.error({ err, event }, 'session event listener failed')));
  app.decorate('relay', relay);
  app.decorate('metrics', metrics);
  app.addHook('onClose', async () => {
    await rooms.closeAll();
    await relay?.close();
    await store.close();
  });

  app.server.on('upgrade', (req, socket, head) => {
    try {
      if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
    } catch (err) {
      // Backstop: an exception here would otherwise end the process.
      app.log.error({ err }, 'upgrade failed');
      socket.destroy();
    }
  });
}

/** The WebSocket side: y-websocket sync with this app's limits, telling the services who left and who commented. */
function createSync(
  app: FastifyInstance,
  core: { store: Store; tokens: TokenSigner; rooms: RoomManager; metrics: Metrics; config: AppConfig },
): SyncServer {
  const { config } = core;
  return new SyncServer({
    store: core.store,
    tokens: core.tokens,
    rooms: core.rooms,
    limits: config,
    pingIntervalMs: config.pingIntervalMs,
    metrics: core.metrics,
    log: { warn: (o, m) => app.log.warn(o, m), error: (o, m) => app.log.error(o, m) },
    hooks: {
      // What a person had seen when they left: "since you were here" starts there.
      onLeave: (who, docName, doc) => {
        if (docName !== 'board' && docName !== 'comments') return;
        app.activity
          .markSeen(who.sessionId, who.participantId, { [docName]: doc })
          .catch((err) => app.log.warn({ err }, 'could not record a seen mark'));
      },
      onCommentsApplied: (who, doc, update, restored) => {
        const written = [...commentsWrittenBy(doc, update), ...restored.map((r) => ({ ...r, created: true }))];
        for (const { threadKey, comment, created } of written) {
          void app.sessionEvents.emit('commentPosted', {
            sessionId: who.sessionId,
            edited: !created,
            threadKey,
            commentId: comment.id,
            authorId: comment.authorId,
            authorName: comment.authorName,
            text: comment.text,
            mentions: comment.mentions,
          });
        }
      },
    },
  });
}

/** Every error answer: a `TL_ERR_…` code, a message (never an internal one), and the server's time. */
function replyWithError(
  this: FastifyInstance,
  error: IssuesError & { code?: string; statusCode?: number; validation?: unknown },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (isStoreOutage(error)) {
    req.log.warn({ err: String(error) }, 'store unavailable');
    return reply
      .code(503)
      .header('retry-after', String(STORE_RETRY_AFTER_S))
      .send({ code: ErrorCode.unavailable, message: 'the database is unavailable; retry shortly' });
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) req.log.error({ err: error }, 'request failed');
  const code = error.code?.startsWith('TL_ERR_') ? error.code : status >= 500 ? ErrorCode.internal : ErrorCode.badRequest;
  return reply.code(status).send({
    code,
    message: status >= 500 ? 'internal error' : error.message,
    ...(error.issues ? { issues: error.issues } : {}),
    // Clients correct their clock from any answer (DESIGN.md "Public contract").
    serverTime: Date.now(),
  });
}

/** Serves the built client, with the SPA's own routes falling back to index.html. */
async function registerClient(app: FastifyInstance, dist: string | null) {
  const hasClient = !!dist && existsSync(join(dist, 'index.html'));
  if (hasClient) await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasClient && req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/sync/') && !path.startsWith('/metrics')) {
      return reply.type('text/html').sendFile('index.html');
    }
    reply.code(404).send({ code: ErrorCode.notFound, message: `no route ${req.method} ${path}` });
  });
}
