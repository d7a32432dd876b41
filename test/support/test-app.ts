import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startApp, type AppOptions, type RunningApp } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/logger';

/** A database name no other test file uses, so files run in parallel without sharing data. */
export function uniqueDbName(label: string): string {
  return `t_${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
}

export function testMongoUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri)
    throw new Error(
      'TEST_MONGODB_URI is not set: run the tests through jest (global setup starts the database)',
    );
  return uri;
}

/** Starts the real app on a free port against the shared test database server. */
export async function startTestApp(
  label: string,
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<RunningApp & { dbName: string }> {
  const dbName = uniqueDbName(label);
  const config = loadConfig({
    PORT: '0',
    MONGODB_URI: testMongoUri(),
    MONGODB_DB: dbName,
    LOG_LEVEL: 'error',
    SHUTDOWN_GRACE_MS: '2000',
    ...env,
  });
  const logger = createLogger(config.logLevel, (line) => process.stderr.write(line + '\n'));
  const app = await startApp(config, logger, options);
  return {
    ...app,
    dbName,
    stop: async () => {
      // Stop first: the outbox worker and the scheduler query the database until they stop, and
      // FerretDB drops a database by deleting its SQLite file, which must not race a reader
      // (that race crashed the shared test database: "database disk image is malformed").
      await app.stop();
      const client = await MongoClient.connect(testMongoUri());
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
