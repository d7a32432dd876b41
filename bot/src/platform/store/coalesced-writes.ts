interface Queued<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Per-document batching for idempotent writes: while one write to a document is in flight, the
 * items that arrive for it wait and go out together as the next write. A burst of a hundred
 * changes to one hot document costs a few writes instead of a hundred read-modify-writes of it.
 * Each caller's promise settles with the write that carried its item.
 */
export function coalesceWrites<T>(write: (key: string, items: T[]) => Promise<void>) {
  const queues = new Map<string, Queued<T>[]>();
  const inFlight = new Set<string>();

  const flush = (key: string) => {
    const batch = queues.get(key) ?? [];
    queues.delete(key);
    if (batch.length === 0) return;
    inFlight.add(key);
    // Started inside a promise, so even a write that throws at once settles its callers.
    void Promise.resolve()
      .then(() =>
        write(
          key,
          batch.map((q) => q.item),
        ),
      )
      .then(
        () => batch.forEach((q) => q.resolve()),
        (err: unknown) => batch.forEach((q) => q.reject(err)),
      )
      .finally(() => {
        inFlight.delete(key);
        flush(key);
      });
  };

  return (key: string, item: T): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const queue = queues.get(key) ?? [];
      queues.set(key, queue);
      queue.push({ item, resolve, reject });
      if (!inFlight.has(key)) flush(key);
    });
}
