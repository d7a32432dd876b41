/**
 * One holder per key at a time, in this process: `hold(key)` resolves, in the order asked, once
 * the previous holder of that key has released it, with the function that releases it. Used
 * where two deliveries of one activity must not interleave their steps (each step alone is
 * idempotent; the order of one attempt's steps against another's is what a lock keeps).
 * Keys nobody holds take no memory.
 */
export function keyedLock() {
  const tails = new Map<string, Promise<void>>();

  return async (key: string): Promise<() => void> => {
    const previous = tails.get(key);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => released) : released;
    tails.set(key, tail);
    if (previous) await previous;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
      if (tails.get(key) === tail) tails.delete(key);
    };
  };
}

export type KeyedLock = ReturnType<typeof keyedLock>;
