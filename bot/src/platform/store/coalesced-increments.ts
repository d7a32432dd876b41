import { groupCommitByKey, type Pending } from './group-commit';

/**
 * One caller's change: amounts added to numeric fields (`inc`). `once` names it, so that it is applied at most once however often it is
 * retried: the write stores the name beside the counters and refuses a name already there.
 * `forget` lists names whose retries are over, to be removed with the next write.
 */
export interface Change {
  inc?: Record<string, number>;
  once?: string;
  forget?: string[];
}

/** What one write to the database carries: the merged changes of every caller in it. */
export interface MergedChanges {
  inc: Record<string, number>;
  once: string[];
  forget: string[];
}

/** `refused`: a name in `once` was already stored, so the write changed nothing. */
export type WriteResult = 'applied' | 'refused';
export type ChangeOutcome = 'applied' | 'already-applied';

type Queued = Pending<Change, ChangeOutcome>;

function merge(items: Queued[]): MergedChanges {
  const merged: MergedChanges = { inc: {}, once: [], forget: [] };
  for (const { item: change } of items) {
    for (const [field, by] of Object.entries(change.inc ?? {})) {
      merged.inc[field] = (merged.inc[field] ?? 0) + by;
    }
    if (change.once) merged.once.push(change.once);
    merged.forget.push(...(change.forget ?? []));
  }
  return merged;
}

/**
 * The longest prefix of the queue that one update can carry: no name applied twice (a retry
 * racing its first try), none both applied and forgotten (MongoDB refuses an update that sets
 * and unsets one path).
 */
function takeBatch(queue: Queued[]): Queued[] {
  const applied = new Set<string>();
  const forgotten = new Set<string>();
  let end = 0;
  for (; end < queue.length; end++) {
    const { once, forget = [] } = queue[end].item;
    const clash =
      (once !== undefined && (applied.has(once) || forgotten.has(once))) ||
      forget.some((name) => applied.has(name) || name === once);
    if (clash && end > 0) break;
    if (once !== undefined) applied.add(once);
    for (const name of forget) forgotten.add(name);
  }
  return queue.splice(0, end);
}

/**
 * Every recognition of a team changes the same bucket document, and a database applies writes
 * to one document one after another: a busy team queues behind its own counter. While one write
 * to a document is in flight, later changes to it are merged (sums added, names collected) and go out
 * together as the next write; each caller's promise settles with the write that carried its
 * change. Totals are the same as writing them one by one. A merged write refused because one of
 * its named changes was already applied is split, and each change is written alone. A failed
 * write fails every change it carried; named changes may then be retried safely.
 */
export function coalesceIncrements(
  write: (id: string, changes: MergedChanges) => Promise<WriteResult | void>,
) {
  const writeAlone = async (id: string, item: Queued) => {
    try {
      const result = await write(id, merge([item]));
      item.resolve(result === 'refused' ? 'already-applied' : 'applied');
    } catch (err) {
      item.reject(err);
    }
  };

  const writeBatch = async (id: string, batch: Queued[]) => {
    const result = await write(id, merge(batch));
    if (result !== 'refused') {
      for (const item of batch) item.resolve('applied');
    } else if (batch.length === 1) {
      batch[0].resolve('already-applied');
    } else {
      for (const item of batch) await writeAlone(id, item);
    }
  };

  return groupCommitByKey(writeBatch, takeBatch);
}
