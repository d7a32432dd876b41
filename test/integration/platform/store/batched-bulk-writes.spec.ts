import type { Collection } from 'mongodb';
import { batchBulkWrites } from '../../../../bot/src/platform/store/batched-bulk-writes';
import { useTestDatabase } from '../../../support/test-database';

interface Item {
  _id: string;
  n: number;
  mark?: string;
}

describe('batched bulk writes (group commit of single-document writes)', () => {
  const db = useTestDatabase('batchedbulk');

  /** The real collection, and a view of it that counts the bulk writes reaching it. */
  const counted = (name: string) => {
    const collection = db().collection<Item>(name);
    const calls: number[] = [];
    const counting = {
      bulkWrite: (ops: Parameters<Collection<Item>['bulkWrite']>[0], options?: object) => {
        calls.push(ops.length);
        return collection.bulkWrite(ops, options);
      },
    } as unknown as Collection<Item>;
    return { collection, counting, calls };
  };

  it('carries many concurrent writes in few bulk writes, each caller settled with its own', async () => {
    const { collection, counting, calls } = counted('marked');
    await collection.insertMany(
      Array.from({ length: 60 }, (_, i) => ({ _id: `i${i}`, n: i, mark: 'pending' })),
    );
    const write = batchBulkWrites(counting);

    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        write(
          i % 3 === 0
            ? { deleteOne: { filter: { _id: `i${i}`, mark: 'pending' } } }
            : {
                updateOne: {
                  filter: { _id: `i${i}`, mark: 'pending' },
                  update: { $unset: { mark: '' } },
                },
              },
        ),
      ),
    );

    expect(calls.reduce((a, b) => a + b, 0)).toBe(60);
    expect(calls.length).toBeLessThan(60);
    expect(await collection.countDocuments({})).toBe(40);
    expect(await collection.countDocuments({ mark: { $exists: true } })).toBe(0);
  });

  it('fails every caller of a write that failed, and goes on with the next', async () => {
    const collection = db().collection<Item>('failing');
    let fail = true;
    const flaky = {
      bulkWrite: (ops: Parameters<Collection<Item>['bulkWrite']>[0], options?: object) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('connection lost'));
        }
        return collection.bulkWrite(ops, options);
      },
    } as unknown as Collection<Item>;
    const write = batchBulkWrites(flaky);

    const first = write({ insertOne: { document: { _id: 'a', n: 1 } } });
    // The rest of this turn of the event loop, then the first goes out alone.
    await new Promise((resolve) => setImmediate(resolve));
    const results = await Promise.allSettled([
      first,
      write({ insertOne: { document: { _id: 'b', n: 2 } } }),
      write({ insertOne: { document: { _id: 'c', n: 3 } } }),
    ]);

    // The first failed; the two that came after it went out together.
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((await collection.find({}).toArray()).map((d) => d._id).sort()).toEqual(['b', 'c']);
  });
});
