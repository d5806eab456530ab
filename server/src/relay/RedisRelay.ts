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
 */
export class RedisRelay implements Relay {
  private readonly instanceId = randomBytes(ID_BYTES);
  private readonly handlers = new Map<string, RelayHandler>();
  private readonly reconnectHooks: (() => void)[] = [];
  private ready = false;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    sub.on('ready', () => {
      if (this.ready) for (const fn of this.reconnectHooks) fn();
      this.ready = true;
    });
  }

  static async connect(url: string, prefix = 'throughline:', onError: (err: unknown) => void = () => {}): Promise<RedisRelay> {
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    // ioredis reconnects by itself; without listeners its errors would be unhandled.
    pub.on('error', onError);
    sub.on('error', onError);
    await Promise.all([pub.connect(), sub.connect()]);
    const relay = new RedisRelay(pub, sub, prefix);
    relay.ready = true;
    return relay;
  }

  async subscribe(key: string, handler: RelayHandler): Promise<void> {
    this.handlers.set(key, handler);
    try {
      await this.sub.subscribe(this.channel(key));
    } catch (err) {
      this.handlers.delete(key);
      throw err;
    }
  }

  async unsubscribe(key: string): Promise<void> {
    this.handlers.delete(key);
    await this.sub.unsubscribe(this.channel(key));
  }

  publishUpdate(key: string, update: Uint8Array): void {
    this.publish(key, KIND_UPDATE, update);
  }

  publishAwareness(key: string, update: Uint8Array): void {
    this.publish(key, KIND_AWARENESS, update);
  }

  get healthy(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  get subscriptionCount(): number {
    return this.handlers.size;
  }

  onReconnect(fn: () => void): void {
    this.reconnectHooks.push(fn);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }

  private channel(key: string): string {
    return `${this.prefix}${key}`;
  }

  private publish(key: string, kind: number, payload: Uint8Array): void {
    const msg = Buffer.concat([Buffer.from([kind]), this.instanceId, payload]);
    this.pub.publish(this.channel(key), msg).catch(() => {
      // Lost while Redis is away; the reconnect hook resynchronises from the store.
    });
  }

  private onMessage(channel: string, message: Buffer): void {
    if (message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.instanceId)) return;
    const handler = this.handlers.get(channel.slice(this.prefix.length));
    if (!handler) return;
    const payload = new Uint8Array(message.subarray(1 + ID_BYTES));
    try {
      if (message[0] === KIND_UPDATE) handler.update(payload);
      else if (message[0] === KIND_AWARENESS) handler.awareness(payload);
    } catch {
      // A bad message from another instance must not take this one down.
    }
  }
}
