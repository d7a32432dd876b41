import { useTestDatabase } from '../../../support/test-database';

describe('writes through the store are atomic per operation, on FerretDB as on MongoDB', () => {
  const db = useTestDatabase('atomic');

  it('loses no concurrent $inc on one document', async () => {
    const counters = db().collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });

    await Promise.all(
      Array.from({ length: 200 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })),
    );

    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(200);
  });

  it('lets exactly one of many concurrent conditional updates win', async () => {
    const jobs = db().collection<{ _id: string; status: string }>('jobs');
    await jobs.insertOne({ _id: 'j', status: 'pending' });

    const claims = await Promise.all(
      Array.from({ length: 50 }, () =>
        jobs.findOneAndUpdate({ _id: 'j', status: 'pending' }, { $set: { status: 'claimed' } }),
      ),
    );

    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps every write when per-document writes overlap with writes to many documents', async () => {
    const tallies = db().collection<{ _id: string; n: number }>('tallies');
    await tallies.insertMany([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]);

    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        i % 12 === 0
          ? tallies.updateMany({}, { $inc: { n: 1 } })
          : tallies.updateOne({ _id: i % 2 ? 'a' : 'b' }, { $inc: { n: 1 } }),
      ),
    );

    // 10 updateMany (even i) touch both; odd i go to a (60), the other even i to b (50).
    expect(await tallies.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', n: 10 + 60 },
      { _id: 'b', n: 10 + 50 },
    ]);
  });

  it('orders a bulk write of named documents behind and before the single writes to them', async () => {
    const tallies = db().collection<{ _id: string; n: number }>('bulk-tallies');
    await tallies.insertMany([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]);

    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 6 === 0
          ? tallies.bulkWrite(
              [
                { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } } } },
                { updateOne: { filter: { _id: 'b' }, update: { $inc: { n: 1 } } } },
                { insertOne: { document: { _id: `new-${i}`, n: 1 } } },
              ],
              { ordered: false },
            )
          : tallies.updateOne({ _id: i % 2 ? 'a' : 'b' }, { $inc: { n: 1 } }),
      ),
    );

    // 10 bulk writes add one to both; odd i go to a (30), the other even i to b (20).
    expect(await tallies.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 10 + 30 });
    expect(await tallies.findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 10 + 20 });
    expect(await tallies.countDocuments({ n: 1 })).toBe(10);
  });

  it('creates one document from many concurrent upserts of one _id', async () => {
    const buckets = db().collection<{ _id: string; n: number }>('buckets');

    await Promise.all(
      Array.from({ length: 50 }, () =>
        buckets.updateOne({ _id: 'fresh' }, { $inc: { n: 1 } }, { upsert: true }),
      ),
    );

    expect(await buckets.find().toArray()).toEqual([{ _id: 'fresh', n: 50 }]);
  });

  it('keeps one failing write from blocking the ones queued after it', async () => {
    const items = db().collection<{ _id: string }>('items');
    await items.insertOne({ _id: 'x' });

    const results = await Promise.allSettled([
      items.insertOne({ _id: 'x' }),
      items.insertOne({ _id: 'y' }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });
});
