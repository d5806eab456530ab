import type { PendingWrite, WriteOp } from './rows.ts';

/**
 * Commits a batch of writes in one transaction. Resolves with the failures
 * by index: a store that cannot commit the batch whole retries op by op, so
 * one bad write fails alone instead of failing its neighbours.
 */
export type CommitBatch = (ops: WriteOp[]) => Promise<Map<number, Error>>;

/**
 * Group commit: at most one batch is being committed; every write queued
 * meanwhile goes in the next one. With an idle store a write goes out on the
 * next turn of the event loop; under load, batches grow by themselves and
 * one fsync covers many writes.
 */
export class GroupCommitQueue {
  private queue: PendingWrite[] = [];
  private inFlight = false;
  private scheduled = false;
  private closed = false;
  /** A write failed since the last marker: the next marker must not claim everything before it is durable. */
  private failedSinceMarker: Error | null = null;

  constructor(private readonly commit: CommitBatch) {}

  /** Resolves once `op` is committed; rejects if it failed or the queue is closed. */
  push(op: WriteOp): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((done, fail) => {
      this.queue.push({ op, done, fail });
      this.schedule();
    });
  }

  /** Resolves once everything pushed so far is committed; rejects if a write pushed since the last such call failed. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.inFlight) return Promise.resolve();
    return this.push({ kind: 'marker' });
  }

  /** Drains, then refuses further writes. */
  async close(): Promise<void> {
    await this.drained().catch(() => {});
    this.closed = true;
  }

  private settle(w: PendingWrite, err: Error | null): void {
    if (w.op.kind === 'marker') {
      const earlier = this.failedSinceMarker;
      this.failedSinceMarker = null;
      if (err ?? earlier) w.fail(err ?? earlier);
      else w.done();
      return;
    }
    if (err) {
      this.failedSinceMarker = err;
      w.fail(err);
    } else w.done();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    const batch = this.queue;
    this.queue = [];
    try {
      const failures = await this.commit(batch.map((w) => w.op));
      for (const [i, w] of batch.entries()) this.settle(w, failures.get(i) ?? null);
    } catch (err) {
      for (const w of batch) this.settle(w, err as Error);
    } finally {
      this.inFlight = false;
    }
    if (this.queue.length > 0) void this.flush();
  }
}
