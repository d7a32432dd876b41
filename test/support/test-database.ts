import type { Db } from 'mongodb';
import { connectDatabase, type Database } from '../../bot/src/platform/store/database';
import { testMongoUri, uniqueDbName } from './test-app';

/**
 * A database of its own for one spec file, through the app's own connection code (so writes to
 * FerretDB are ordered as in the app), dropped after the last test. Call inside `describe`.
 */
export function useTestDatabase(label: string): () => Db {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await connectDatabase(testMongoUri(), uniqueDbName(label));
  });
  afterAll(async () => {
    await database?.db.dropDatabase();
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('the test database is used before beforeAll ran');
    return database.db;
  };
}
