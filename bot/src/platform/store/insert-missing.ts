import {
  MongoBulkWriteError,
  type Collection,
  type Document,
  type OptionalUnlessRequiredId,
} from 'mongodb';
import { isDuplicateKey, writeErrorsOf } from './mongo-errors';

/**
 * Inserts the documents whose `_id` is not stored yet, in unordered batches (one transaction per
 * batch on the embedded FerretDB), and returns the ones that were already there: what makes a
 * migration cut short safe to run again.
 */
export async function insertMissing<T extends Document>(
  collection: Collection<T>,
  docs: OptionalUnlessRequiredId<T>[],
  batchSize = 500,
): Promise<OptionalUnlessRequiredId<T>[]> {
  const present: OptionalUnlessRequiredId<T>[] = [];
  for (let start = 0; start < docs.length; start += batchSize) {
    const batch = docs.slice(start, start + batchSize);
    try {
      await collection.insertMany(batch, { ordered: false });
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError)) throw err;
      const errors = writeErrorsOf(err);
      // Anything but duplicates, or a batch not fully accounted for (a broken connection), fails.
      const accounted = err.insertedCount + errors.length === batch.length;
      if (!accounted || !errors.every(isDuplicateKey)) throw err;
      for (const e of errors) present.push(batch[e.index]);
    }
  }
  return present;
}
