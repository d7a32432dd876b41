import { Db, MongoClient } from 'mongodb';
import { withSerializedWrites } from './serialized-writes';

/** FerretDB reports itself in buildInfo; its updates need serialising (see serialized-writes.ts). */
async function isFerretDb(client: MongoClient): Promise<boolean> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

export interface Database {
  readonly client: MongoClient;
  readonly db: Db;
  /** True when the server answers a ping within the time limit. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Connects with timeouts short enough that a dead database shows up in /healthz within seconds
 * instead of requests hanging, and long enough for Cosmos DB's first TLS handshake.
 */
export async function connectDatabase(uri: string, dbName: string): Promise<Database> {
  const client = new MongoClient(uri, {
    appName: 'rapport',
    serverSelectionTimeoutMS: 5000,
    connectTimeoutMS: 5000,
    socketTimeoutMS: 30000,
    maxPoolSize: 20,
    retryWrites: true,
    retryReads: true,
  });
  await client.connect();
  const raw = client.db(dbName);
  const db = (await isFerretDb(client)) ? withSerializedWrites(raw) : raw;
  return {
    client,
    db,
    ping: async (timeoutMs = 1500) => {
      try {
        await db.command({ ping: 1 }, { timeoutMS: timeoutMs });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
