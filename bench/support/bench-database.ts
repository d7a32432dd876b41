import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createLogger } from '../../bot/src/logger';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../../bot/src/platform/store/embedded-database';
import { cleanups, log } from './harness';

/**
 * An embedded FerretDB in `dataDir`, as the app runs one, and a client on it for seeding and
 * checking; both stop with the benchmark.
 */
export async function startBenchDatabase(
  root: string,
  dataDir: string,
  /** Where FerretDB serves its pprof and metrics (host:port), for profiling; none by default. */
  debugAddr?: string,
): Promise<{ embedded: EmbeddedDatabase; client: MongoClient }> {
  log('starting the embedded FerretDB');
  const embedded = await startEmbeddedDatabase({
    dataDir,
    cacheDir: path.join(root, '.cache', 'ferretdb'),
    logger: createLogger('warn', (line) => process.stderr.write(`[ferretdb] ${line}\n`)),
    progress: (line) => log(line),
    ...(debugAddr ? { debugAddr } : {}),
  });
  cleanups.push(() => embedded.stop());
  const client = new MongoClient(embedded.uri);
  await client.connect();
  cleanups.push(() => client.close());
  return { embedded, client };
}
