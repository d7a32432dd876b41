/** One caller's item, waiting for the write that carries it. */
export interface Pending<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit per key (a document, a collection): while one write for a key is in flight, the
 * items that arrive for it wait, and `takeBatch` takes from the front of that queue what the next
 * write can carry; the first write also takes those of the same event-loop turn. `writeBatch`
 * writes it and settles every item in it, each with its own outcome; a write that throws fails
 * all of them. Writes for one key never overlap, writes for different keys do.
 */
export function groupCommitByKey<I, O>(
  writeBatch: (key: string, batch: Pending<I, O>[]) => Promise<void>,
  takeBatch: (queue: Pending<I, O>[]) => Pending<I, O>[],
): (key: string, item: I) => Promise<O> {
  const queues = new Map<string, Pending<I, O>[]>();
  const inFlight = new Set<string>();

  const flush = (key: string) => {
    const queue = queues.get(key);
    if (!queue || queue.length === 0) {
      queues.delete(key);
      return;
    }
    const batch = takeBatch(queue);
    inFlight.add(key);
    // Started inside a promise, so even a write that throws at once settles its callers.
    void Promise.resolve()
      .then(() => writeBatch(key, batch))
      .catch((err: unknown) => batch.forEach((p) => p.reject(err)))
      .finally(() => {
        inFlight.delete(key);
        flush(key);
      });
  };

  return (key, item) =>
    new Promise<O>((resolve, reject) => {
      const queue = queues.get(key) ?? [];
      queues.set(key, queue);
      queue.push({ item, resolve, reject });
      if (inFlight.has(key)) return;
      // The first write waits for the rest of this turn of the event loop: callers woken by one
      // answer (the recognitions of one insert, each counting and listing itself) then share
      // one write instead of the first going alone and the others in the next.
      inFlight.add(key);
      setImmediate(() => {
        inFlight.delete(key);
        flush(key);
      });
    });
}

/** Group commit for one busy collection: the next write carries up to `maxBatch` items. */
export function groupCommit<I, O>(
  writeBatch: (batch: Pending<I, O>[]) => Promise<void>,
  maxBatch: number,
): (item: I) => Promise<O> {
  const commit = groupCommitByKey<I, O>(
    (_, batch) => writeBatch(batch),
    (queue) => queue.splice(0, maxBatch),
  );
  return (item) => commit('', item);
}
