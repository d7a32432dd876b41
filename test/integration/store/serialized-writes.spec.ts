import { connectDatabase, type Database } from '../../../bot/src/store/database';
import { testMongoUri, uniqueDbName } from '../../support/test-app';

describe('writes through the store are atomic per operation, on FerretDB as on MongoDB', () => {
  let database: Database;
  beforeAll(async () => {
    database = await connectDatabase(testMongoUri(), uniqueDbName('atomic'));
  });
  afterAll(async () => {
    await database.db.dropDatabase();
    await database.close();
  });

  it('loses no concurrent $inc on one document', async () => {
    const counters = database.db.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });

    await Promise.all(
      Array.from({ length: 200 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })),
    );

    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(200);
  });

  it('lets exactly one of many concurrent conditional updates win', async () => {
    const jobs = database.db.collection<{ _id: string; status: string }>('jobs');
    await jobs.insertOne({ _id: 'j', status: 'pending' });

    const claims = await Promise.all(
      Array.from({ length: 50 }, () =>
        jobs.findOneAndUpdate({ _id: 'j', status: 'pending' }, { $set: { status: 'claimed' } }),
      ),
    );

    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps one failing write from blocking the ones queued after it', async () => {
    const items = database.db.collection<{ _id: string }>('items');
    await items.insertOne({ _id: 'x' });

    const results = await Promise.allSettled([
      items.insertOne({ _id: 'x' }),
      items.insertOne({ _id: 'y' }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });
});
