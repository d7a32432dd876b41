import {
  MongoBulkWriteError,
  type Collection,
  type Document,
  type OptionalUnlessRequiredId,
} from 'mongodb';
import { isDuplicateKey, writeErrorsOf } from './mongo-errors';

export type InsertOutcome = 'inserted' | 'duplicate';

interface Waiting<T> {
  doc: OptionalUnlessRequiredId<T>;
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for a busy collection: while one insert is in flight, the documents that arrive
 * are held and go out together as the next unordered `insertMany`, one transaction for all of
 * them (on the embedded FerretDB a document costs 596 µs alone, 91 µs in a batch of 10). Each
 * caller learns its own document's fate: inserted, a duplicate of an existing `_id` (the
 * idempotency guard), or the error that stopped it — including "unknown" when the connection
 * broke mid-write, since the document may or may not be stored.
 */
export function batchInserts<T extends Document>(collection: Collection<T>, maxBatch = 100) {
  let waiting: Waiting<T>[] = [];
  let inFlight = false;

  const settle = (batch: Waiting<T>[], err: unknown) => {
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

  const flush = () => {
    if (inFlight || waiting.length === 0) return;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    inFlight = true;
    void Promise.resolve()
      .then(() =>
        collection.insertMany(
          batch.map((w) => w.doc),
          { ordered: false },
        ),
      )
      .then(
        () => batch.forEach((w) => w.resolve('inserted')),
        (err: unknown) => settle(batch, err),
      )
      .finally(() => {
        inFlight = false;
        flush();
      });
  };

  return (doc: OptionalUnlessRequiredId<T>): Promise<InsertOutcome> =>
    new Promise<InsertOutcome>((resolve, reject) => {
      waiting.push({ doc, resolve, reject });
      flush();
    });
}
