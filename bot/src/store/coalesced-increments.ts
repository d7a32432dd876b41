/** Changes to numeric fields of one document: added (`inc`) or raised to at least (`max`). */
export interface FieldChanges {
  inc?: Record<string, number>;
  max?: Record<string, number>;
}

interface Pending {
  inc: Record<string, number>;
  max: Record<string, number>;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

/**
 * Every recognition and every check-in answer of a team changes the same bucket document, and a
 * database applies writes to one document one after another: a busy team queues behind its own
 * counter. While one write to a document is in flight, later changes to it are merged (sums
 * added, maxima kept) and go out together as the next write; each caller's promise settles with
 * the write that carried its change. Totals are the same as writing them one by one; a failed
 * write fails every change it carried (not retried: the database may have applied it).
 */
export function coalesceIncrements(
  write: (id: string, changes: Required<FieldChanges>) => Promise<void>,
) {
  const pending = new Map<string, Pending>();
  const inFlight = new Set<string>();

  const flush = (id: string) => {
    const batch = pending.get(id);
    if (!batch) return;
    pending.delete(id);
    inFlight.add(id);
    // Started inside a promise, so even a write that throws at once settles its callers.
    void Promise.resolve()
      .then(() => write(id, { inc: batch.inc, max: batch.max }))
      .then(
        () => batch.waiters.forEach((w) => w.resolve()),
        (err: unknown) => batch.waiters.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        inFlight.delete(id);
        flush(id);
      });
  };

  return (id: string, changes: FieldChanges): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let batch = pending.get(id);
      if (!batch) {
        batch = { inc: {}, max: {}, waiters: [] };
        pending.set(id, batch);
      }
      for (const [field, by] of Object.entries(changes.inc ?? {})) {
        batch.inc[field] = (batch.inc[field] ?? 0) + by;
      }
      for (const [field, value] of Object.entries(changes.max ?? {})) {
        batch.max[field] = Math.max(batch.max[field] ?? value, value);
      }
      batch.waiters.push({ resolve, reject });
      if (!inFlight.has(id)) flush(id);
    });
}
