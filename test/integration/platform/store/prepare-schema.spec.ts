import { collections, prepareSchema } from '../../../support/schema';
import { useTestDatabase } from '../../../support/test-database';

describe('preparing the schema at start-up', () => {
  const db = useTestDatabase('schema');
  const indexNames = async () =>
    (await db().collection(collections.recognitions).listIndexes().toArray())
      .map((i) => String(i.name))
      .sort();

  it('drops the indexes a collection retired, keeps the declared ones, and can run again', async () => {
    // As an earlier version left them: the wall's reads by team, before the wall index.
    const recognitions = db().collection(collections.recognitions);
    await recognitions.createIndex({ teamId: 1, createdAt: -1, _id: -1 });
    await recognitions.createIndex({ teamId: 1, tagKey: 1, createdAt: -1 });
    await recognitions.createIndex({ teamId: 1, recipientIds: 1, createdAt: -1 });
    await recognitions.createIndex({ 'sender.aadObjectId': 1 });

    await prepareSchema(db());
    const once = await indexNames();
    await prepareSchema(db());

    expect(once).toEqual(['_id_', 'pending_1', 'recipientIds_1', 'sender.aadObjectId_1']);
    expect(await indexNames()).toEqual(once);
  });
});
