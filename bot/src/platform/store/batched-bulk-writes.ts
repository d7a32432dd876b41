import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import { groupCommit } from './group-commit';

/**
 * Group commit for single-document writes to a busy collection, as batched-inserts.ts does for
 * inserts: the operations that arrive while one `bulkWrite` is in flight go out together as the
 * next unordered one (on the embedded FerretDB, 50 deletes by `_id` cost 160 µs of its CPU each
 * in one bulk write, 365 µs each alone, and the app's driver a tenth of the CPU). A failed write
 * fails every operation it carried, each of which may or may not have been applied, so they must
 * be safe to repeat. For writes nobody waits on to answer a request (tidying after one).
 */
export function batchBulkWrites<T extends Document>(collection: Collection<T>, maxBatch = 200) {
  return groupCommit<AnyBulkWriteOperation<T>, void>(async (batch) => {
    await collection.bulkWrite(
      batch.map((p) => p.item),
      { ordered: false },
    );
    batch.forEach((p) => p.resolve());
  }, maxBatch);
}
