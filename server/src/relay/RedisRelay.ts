import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Relay, RelayHandler } from './Relay.ts';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const ID_BYTES = 8;

/**
 * Redis pub/sub relay (`REDIS_URL`). One channel per document; a message is
 * `[kind][instance id][payload]`, and an instance ignores its own messages.
 * Redis delivers each publisher's messages in order; a message lost to a
 * disconnect is recovered by the reconnect hook, which re-reads the store.
 *
 * Subscriptions are ours, not ioredis's: `handlers` is the set of documents
 * this instance wants, and every time the subscriber connection becomes
 * ready (at start, after any outage) exactly that set is subscribed. So a
 * document opened while Redis was down is subscribed when it returns, and
 * one unloaded meanwhile is not (a new connection starts with none).
 */
export class RedisRelay implements Relay {
  private readonly instanceId = randomBytes(ID_BYTES);
  private readonly handlers = new Map<string, RelayHandler>();
  private readonly reconnectHooks: (() => void)[] = [];
  private readonly stateHooks: ((healthy: boolean) => void)[] = [];
  private wasHealthy = false;
  private everReady = false;
  private closed = false;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    sub.on('ready', () => void this.onSubscriberReady());
    for (const conn of [pub, sub]) {
      conn.on('ready', () => this.checkState());
      conn.on('close', () => this.checkState());
      conn.on('end', () => this.checkState());
    }
  }

  /**
   * Connects both connections. An unreachable Redis does not stop the
   * server starting: the relay reports itself unhealthy (readiness fails)
   * and ioredis keeps retrying.
   */
  static async connect(url: string, prefix = 'throughline:', onError: (err: unknown) => void = () => {}): Promise<RedisRelay> {
    const options = {
      lazyConnect: true,
      // Fail fast while disconnected: a lost publish is recovered from the store, a lost subscribe on reconnect.
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    // ioredis reconnects by itself; without listeners its errors would be unhandled.
    pub.on('error', onError);
    sub.on('error', onError);
    const relay = new RedisRelay(pub, sub, prefix, onError);
    await Promise.all([pub.connect(), sub.connect()]).catch(onError);
    return relay;
  }

  get healthy(): boolean {
    return !this.closed && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  get subscriptionCount(): number {
    return this.handlers.size;
  }

  /** Registers the document; subscribes now if connected, else on reconnect (and rejects, so the caller knows). */
  async subscribe(key: string, handler: RelayHandler): Promise<void> {
    this.handlers.set(key, handler);
    await this.sub.subscribe(this.channel(key));
    // Unloaded while the subscribe was on its way: do not leave the channel behind.
    if (!this.handlers.has(key)) await this.sub.unsubscribe(this.channel(key)).catch(this.onError);
  }

  /** Forgets the document; if Redis is unreachable now, the next connection simply does not subscribe it. */
  async unsubscribe(key: string): Promise<void> {
    this.handlers.delete(key);
    if (this.sub.status !== 'ready') return;
    await this.sub.unsubscribe(this.channel(key));
  }

  publishUpdate(key: string, update: Uint8Array): void {
    this.publish(key, KIND_UPDATE, update);
  }

  publishAwareness(key: string, update: Uint8Array): void {
    this.publish(key, KIND_AWARENESS, update);
  }

  onReconnect(fn: () => void): void {
    this.reconnectHooks.push(fn);
  }

  onStateChange(fn: (healthy: boolean) => void): void {
    this.stateHooks.push(fn);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private channel(key: string): string {
    return `${this.prefix}${key}`;
  }

  /** A fresh subscriber connection has no subscriptions: subscribe every document we hold, then catch up from the store. */
  private async onSubscriberReady(): Promise<void> {
    const channels = [...this.handlers.keys()].map((k) => this.channel(k));
    try {
      if (channels.length > 0) await this.sub.subscribe(...channels);
    } catch (err) {
      // Lost again before it took: the next 'ready' tries again.
      this.onError(err);
      return;
    }
    // After an outage (or a start without Redis) documents may have missed updates: re-read them.
    if (this.everReady || channels.length > 0) for (const fn of this.reconnectHooks) fn();
    this.everReady = true;
  }

  private checkState(): void {
    const now = this.healthy;
    if (now === this.wasHealthy) return;
    this.wasHealthy = now;
    for (const fn of this.stateHooks) fn(now);
  }

  private publish(key: string, kind: number, payload: Uint8Array): void {
    if (this.pub.status !== 'ready') return; // lost while Redis is away; the reconnect hook resynchronises from the store
    const msg = Buffer.concat([Buffer.from([kind]), this.instanceId, payload]);
    this.pub.publish(this.channel(key), msg).catch(() => {
      // Lost while Redis is away; the reconnect hook resynchronises from the store.
    });
  }

  private onMessage(channel: string, message: Buffer): void {
    if (message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.instanceId)) return;
    const handler = this.handlers.get(channel.slice(this.prefix.length));
    if (!handler) {
      // A channel nobody here wants any more (an unsubscribe that failed): drop it now.
      this.sub.unsubscribe(channel).catch(() => {});
      return;
    }
    const payload = new Uint8Array(message.subarray(1 + ID_BYTES));
    try {
      if (message[0] === KIND_UPDATE) handler.update(payload);
      else if (message[0] === KIND_AWARENESS) handler.awareness(payload);
    } catch {
      // A bad message from another instance must not take this one down.
    }
  }
}
