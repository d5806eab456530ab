import { describe, expect, it, vi } from 'vitest';
import { GroupCommitQueue } from './GroupCommitQueue.ts';
import type { WriteOp } from './rows.ts';

const append = (n: number): WriteOp => ({ kind: 'append', sessionId: 's', doc: 'd', data: new Uint8Array([n]) });

describe('GroupCommitQueue', () => {
  it('commits one batch at a time and gathers what arrives meanwhile into the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const q = new GroupCommitQueue(async (ops) => {
      batches.push(ops.map((o) => (o.kind === 'append' ? (o.data[0] as number) : -1)));
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return new Map();
    });
    const first = q.push(append(1));
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((n) => q.push(append(n)));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('starts a batch no sooner than minIntervalMs after the previous one, so writes arriving meanwhile join it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const batches: number[][] = [];
      const q = new GroupCommitQueue(async (ops) => {
        batches.push(ops.map((o) => (o.kind === 'append' ? (o.data[0] as number) : -1)));
        return new Map();
      }, 50);
      // The first write after a quiet spell goes at once.
      await q.push(append(1));
      const later = [q.push(append(2))];
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      later.push(q.push(append(3)));
      expect(batches).toEqual([[1]]);
      // Once the interval has passed, everything pushed meanwhile goes in one batch.
      await vi.advanceTimersByTimeAsync(50);
      await Promise.all(later);
      expect(batches).toEqual([[1], [2, 3]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails only the writes the commit reports as failed', async () => {
    const q = new GroupCommitQueue(async () => new Map([[1, new Error('duplicate')]]));
    const results = await Promise.allSettled([q.push(append(1)), q.push(append(2)), q.push(append(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('resolves drained() after earlier writes, and refuses writes once closed', async () => {
    const committed: number[] = [];
    const q = new GroupCommitQueue(async (ops) => {
      for (const o of ops) if (o.kind === 'append') committed.push(o.data[0] as number);
      return new Map();
    });
    void q.push(append(7));
    await q.drained();
    expect(committed).toEqual([7]);
    await q.close();
    await expect(q.push(append(8))).rejects.toThrow(/closed/);
  });

  it('rejects the next drained() after a failed write, so nothing is acknowledged that is not on disk', async () => {
    let failNext = true;
    const q = new GroupCommitQueue(async (ops) => {
      const failures = new Map<number, Error>();
      ops.forEach((o, i) => {
        if (o.kind === 'append' && failNext) {
          failNext = false;
          failures.set(i, new Error('disk full'));
        }
      });
      return failures;
    });
    const write = q.push(append(1));
    const marker = q.drained();
    await expect(write).rejects.toThrow('disk full');
    await expect(marker).rejects.toThrow('disk full');
    void q.push(append(2));
    await expect(q.drained()).resolves.toBeUndefined();
  });
});
