/** One holder per key at a time, admitted in arrival order; different keys never wait for each other. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Resolves once `key` is ours, with the function that gives it back. */
  async lock(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  /** Keys held or waited for (for tests: the map must not grow without bound). */
  get size(): number {
    return this.tails.size;
  }
}
