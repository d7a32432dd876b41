import { groupCommitByKey } from './group-commit';

/**
 * Per-document batching for idempotent writes: while one write to a document is in flight, the
 * items that arrive for it wait and go out together as the next write. A burst of a hundred
 * changes to one hot document costs a few writes instead of a hundred read-modify-writes of it.
 * Each caller's promise settles with the write that carried its item.
 */
export function coalesceWrites<T>(write: (key: string, items: T[]) => Promise<void>) {
  return groupCommitByKey<T, void>(
    async (key, batch) => {
      await write(
        key,
        batch.map((p) => p.item),
      );
      batch.forEach((p) => p.resolve());
    },
    (queue) => queue.splice(0),
  );
}
