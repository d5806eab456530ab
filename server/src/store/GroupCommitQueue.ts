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
 * one fsync covers many writes. A batch also starts no sooner than
 * `minIntervalMs` after the previous one started: on a fast disk commits
 * would otherwise be so quick that batches stay tiny, and each commit's
 * fixed cost (the fsync, a message to the writer thread and back) is most
 * of what a write costs. The first write after a quiet spell still goes at once.
 */
export class GroupCommitQueue {
  private queue: PendingWrite[] = [];
  private inFlight = false;
  private scheduled = false;
  private closed = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** A write failed since the last marker: the next marker must not claim everything before it is durable. */
  private failedSinceMarker: Error | null = null;

  constructor(
    private readonly commit: CommitBatch,
    private readonly minIntervalMs = 0,
  ) {}

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
    const go = () => {
      this.scheduled = false;
      void this.flush();
    };
    const wait = this.lastStart + this.minIntervalMs - performance.now();
    if (wait > 0) setTimeout(go, wait);
    else setImmediate(go);
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    this.lastStart = performance.now();
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
    if (this.queue.length > 0) this.schedule();
  }
}
