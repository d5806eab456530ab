import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './KeyedMutex.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedMutex', () => {
  it('admits one holder per key, in arrival order, and forgets keys nobody holds', async () => {
    const m = new KeyedMutex();
    const order: string[] = [];
    const first = await m.lock('a');
    const second = m.lock('a').then((release) => {
      order.push('second');
      return release;
    });
    const third = m.lock('a').then((release) => {
      order.push('third');
      release();
    });
    await tick();
    expect(order).toEqual([]);
    first();
    (await second)();
    await third;
    expect(order).toEqual(['second', 'third']);
    expect(m.size).toBe(0);
  });

  it('never makes one key wait for another', async () => {
    const m = new KeyedMutex();
    const a = await m.lock('a');
    const b = await m.lock('b');
    b();
    a();
    expect(m.size).toBe(0);
  });
});
