import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Why an incoming update or awareness message was refused (a small fixed set: metric label values). */
export type RefusalKind = 'read-only' | 'frozen' | 'content' | 'awareness' | 'rate-limited' | 'malformed' | 'over-bounds';

/** What sync code reports; a no-op stands in where no app is around (unit tests). */
export interface SyncMetrics {
  updateIn(bytes: number): void;
  updateOut(bytes: number, peers: number): void;
  refused(kind: RefusalKind): void;
  committed(seconds: number): void;
  acked(seconds: number): void;
}

export const NO_SYNC_METRICS: SyncMetrics = {
  updateIn() {},
  updateOut() {},
  refused() {},
  committed() {},
  acked() {},
};

/** Live figures read when /metrics is scraped rather than counted as they happen. */
export interface MetricSources {
  loadedRooms(): number;
  connections(): number;
  relay(): { up: boolean; subscriptions: number } | null;
  pools(): { name: string; total: number; idle: number; waiting: number; max: number }[];
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus registry (one per app, so several apps in one test
 * process do not share counters) and every instrument in it.
 */
export class Metrics implements SyncMetrics {
  readonly registry = new Registry();
  private readonly updates: Counter<'direction'>;
  private readonly updateBytes: Counter<'direction'>;
  private readonly refusals: Counter<'reason'>;
  private readonly commit: Histogram;
  private readonly ack: Histogram;
  readonly commands: Histogram<'type' | 'outcome'>;
  readonly aiRequests: Counter<'kind' | 'outcome'>;
  readonly relayReconnects: Counter;
  /**
   * Update counts since the last scrape: every message in and every frame out
   * counts, so the hot path adds to plain numbers and the counters take them
   * when /metrics is read.
   */
  private readonly unscraped = { in: 0, inBytes: 0, out: 0, outBytes: 0 };

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'throughline_rooms_loaded',
      help: 'Documents held in memory',
      registers,
      collect() {
        this.set(sources.loadedRooms());
      },
    });
    new Gauge({
      name: 'throughline_connections',
      help: 'Open sync sockets',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    const takeUnscraped = () => this.takeUnscraped();
    this.updates = new Counter({
      name: 'throughline_updates_total',
      help: 'Document updates received from clients (in) and frames sent to clients (out)',
      labelNames: ['direction'],
      registers,
      collect: takeUnscraped,
    });
    this.updateBytes = new Counter({
      name: 'throughline_update_bytes_total',
      help: 'Bytes of document updates in and out',
      labelNames: ['direction'],
      registers,
      collect: takeUnscraped,
    });
    this.refusals = new Counter({
      name: 'throughline_updates_refused_total',
      help: 'Client messages refused, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.commit = new Histogram({
      name: 'throughline_commit_seconds',
      help: 'From an update applied to it being durable in the store',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.ack = new Histogram({
      name: 'throughline_ack_seconds',
      help: 'From a client write to its acknowledgement being sent',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.commands = new Histogram({
      name: 'throughline_command_seconds',
      help: 'Command latency by command type and outcome',
      labelNames: ['type', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.aiRequests = new Counter({
      name: 'throughline_ai_requests_total',
      help: 'Requests to the AI generator by kind (ideas, clusters) and outcome (ok, error, cancelled)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.relayReconnects = new Counter({
      name: 'throughline_relay_reconnects_total',
      help: 'Times the relay connection came back after a loss',
      registers,
    });
    new Gauge({
      name: 'throughline_relay_up',
      help: '1 when the relay between instances is connected, 0 when it is down; absent without REDIS_URL',
      registers,
      collect() {
        const r = sources.relay();
        if (r) this.set(r.up ? 1 : 0);
      },
    });
    new Gauge({
      name: 'throughline_relay_subscriptions',
      help: 'Documents subscribed on the relay',
      registers,
      collect() {
        const r = sources.relay();
        if (r) this.set(r.subscriptions);
      },
    });
    new Gauge({
      name: 'throughline_db_pool_connections',
      help: 'Database pool connections by pool and state (total, idle, waiting callers, max)',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        this.reset();
        for (const p of sources.pools()) {
          this.set({ pool: p.name, state: 'total' }, p.total);
          this.set({ pool: p.name, state: 'idle' }, p.idle);
          this.set({ pool: p.name, state: 'waiting' }, p.waiting);
          this.set({ pool: p.name, state: 'max' }, p.max);
        }
      },
    });
  }

  updateIn(bytes: number): void {
    this.unscraped.in++;
    this.unscraped.inBytes += bytes;
  }

  updateOut(bytes: number, peers: number): void {
    this.unscraped.out += peers;
    this.unscraped.outBytes += bytes * peers;
  }

  /** Moves the counts since the last scrape into the counters (whichever of the two is collected first). */
  private takeUnscraped(): void {
    const u = this.unscraped;
    // Zero increments too, so both directions are exported from the first scrape on.
    this.updates.inc({ direction: 'in' }, u.in);
    this.updates.inc({ direction: 'out' }, u.out);
    this.updateBytes.inc({ direction: 'in' }, u.inBytes);
    this.updateBytes.inc({ direction: 'out' }, u.outBytes);
    u.in = u.inBytes = u.out = u.outBytes = 0;
  }

  refused(kind: RefusalKind): void {
    this.refusals.inc({ reason: kind });
  }

  committed(seconds: number): void {
    this.commit.observe(seconds);
  }

  acked(seconds: number): void {
    this.ack.observe(seconds);
  }
}
