import type { Collection } from 'mongodb';
import { batchInserts } from '../../../../bot/src/platform/store/batched-inserts';
import { useTestDatabase } from '../../../support/test-database';

interface Item {
  _id: string;
  n: number;
}

describe('batched inserts (group commit)', () => {
  const db = useTestDatabase('batched');

  /** The real collection, and a view of it that counts the insertMany calls reaching it. */
  const counted = (name: string) => {
    const collection = db().collection<Item>(name);
    const calls: number[] = [];
    const counting = {
      insertMany: (docs: Item[], options?: Parameters<Collection<Item>['insertMany']>[1]) => {
        calls.push(docs.length);
        return collection.insertMany(docs, options);
      },
    } as unknown as Collection<Item>;
    return { collection, counting, calls };
  };

  it('stores many concurrent inserts in few writes and tells each caller its outcome', async () => {
    const { collection, counting, calls } = counted('items');
    await collection.insertOne({ _id: 'existing', n: -1 });
    const insert = batchInserts(counting);

    const ids = [
      ...Array.from({ length: 40 }, (_, i) => `item-${i}`),
      'existing',
      'item-7', // Teams delivered the same activity twice
    ];
    const outcomes = await Promise.all(ids.map((_id, n) => insert({ _id, n })));

    expect(outcomes.slice(0, 40)).toEqual(Array(40).fill('inserted'));
    expect(outcomes.slice(40)).toEqual(['duplicate', 'duplicate']);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(calls.length).toBeLessThan(ids.length / 4);
    expect(await collection.countDocuments()).toBe(41);
    expect(await collection.findOne({ _id: 'existing' })).toEqual({ _id: 'existing', n: -1 });
    expect(await collection.findOne({ _id: 'item-7' })).toEqual({ _id: 'item-7', n: 7 });
  });

  it('fails only the documents the database refused for another reason', async () => {
    const collection = db().collection<Item>('refusals');
    const insert = batchInserts(collection);

    const results = await Promise.allSettled([
      insert({ _id: 'fine', n: 1 }),
      // FerretDB, like MongoDB, refuses a field name starting with "$".
      insert({ _id: 'bad', n: 2, $bad: true } as unknown as Item),
      insert({ _id: 'also-fine', n: 3 }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await collection.countDocuments()).toBe(2);
  });
});
