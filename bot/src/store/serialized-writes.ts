import type { Collection, Db, Document } from 'mongodb';

/**
 * FerretDB 1.24 on SQLite applies an update as read-then-write without a transaction, so two
 * concurrent updates of one document lose one of them: 200 parallel `$inc` left 9, 50 parallel
 * conditional updates had 3 winners (measured here; FerretDB issue #3040). Its single SQLite
 * writer serialises writes anyway, so we run the embedded database's writes one at a time from
 * the app (the only client of its own child process) and keep MongoDB semantics: each update is
 * atomic against every other write. Reads stay concurrent. Not used with a real MongoDB.
 */
const WRITE_METHODS = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
]);

class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(write: () => Promise<T>): Promise<T> {
    const result = this.tail.then(write, write);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function serializeCollection<T extends Document>(
  collection: Collection<T>,
  queue: WriteQueue,
): Collection<T> {
  return new Proxy(collection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (
        typeof property !== 'string' ||
        !WRITE_METHODS.has(property) ||
        typeof value !== 'function'
      )
        return value;
      return (...args: unknown[]) =>
        queue.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}

/** A Db whose collections run their writes one at a time. */
export function withSerializedWrites(db: Db): Db {
  const queue = new WriteQueue();
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'collection' || typeof value !== 'function') return value;
      return (...args: Parameters<Db['collection']>) =>
        serializeCollection(target.collection(...args), queue);
    },
  });
}
