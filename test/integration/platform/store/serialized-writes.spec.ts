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
