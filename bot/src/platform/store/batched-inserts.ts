import {
  MongoBulkWriteError,
  type Collection,
  type Document,
  type OptionalUnlessRequiredId,
} from 'mongodb';
import { groupCommit, type Pending } from './group-commit';
import { isDuplicateKey, writeErrorsOf } from './mongo-errors';

export type InsertOutcome = 'inserted' | 'duplicate';

/**
 * Group commit for a busy collection: while one insert is in flight, the documents that arrive
 * are held and go out together as the next unordered `insertMany`, one transaction for all of
 * them (on the embedded FerretDB a document costs 596 µs alone, 91 µs in a batch of 10). Each
 * caller learns its own document's fate: inserted, a duplicate of an existing `_id` (the
 * idempotency guard), or the error that stopped it — including "unknown" when the connection
 * broke mid-write, since the document may or may not be stored.
 */
export function batchInserts<T extends Document>(collection: Collection<T>, maxBatch = 100) {
  type Waiting = Pending<OptionalUnlessRequiredId<T>, InsertOutcome>;

  const settle = (batch: Waiting[], err: unknown) => {
    const failed = new Map(
      err instanceof MongoBulkWriteError ? writeErrorsOf(err).map((e) => [e.index, e]) : [],
    );
    // The driver wraps a lost connection in the same error class with no write errors: only
    // when inserted and refused documents add up to the batch is "no error" proof of an insert.
    const accounted =
      err instanceof MongoBulkWriteError && err.insertedCount + failed.size === batch.length;
    batch.forEach((w, index) => {
      const error = failed.get(index);
      if (!error) {
        if (accounted) w.resolve('inserted');
        else w.reject(err);
      } else if (isDuplicateKey(error)) w.resolve('duplicate');
      else
        w.reject(new Error(`insert failed (code ${error.code}): ${error.errmsg ?? 'no message'}`));
    });
  };

  return groupCommit<OptionalUnlessRequiredId<T>, InsertOutcome>(async (batch) => {
    try {
      await collection.insertMany(
        batch.map((w) => w.item),
        { ordered: false },
      );
      batch.forEach((w) => w.resolve('inserted'));
    } catch (err) {
      settle(batch, err);
    }
  }, maxBatch);
}
