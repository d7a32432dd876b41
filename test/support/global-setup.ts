import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../bot/src/logger';
import { startEmbeddedDatabase } from '../../bot/src/platform/store/embedded-database';
import { sharedState } from './shared-state';

/**
 * One embedded FerretDB for the whole run (each test file uses its own database in it), unless
 * TEST_MONGODB_URI points at a real MongoDB. Builds FerretDB on the first run, with progress.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_MONGODB_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-db-'));
  const embedded = await startEmbeddedDatabase({
    dataDir,
    cacheDir: path.resolve(__dirname, '..', '..', '.cache', 'ferretdb'),
    logger: createLogger('warn', (line) => process.stderr.write(line + '\n')),
    progress: (line) => process.stderr.write(`[test setup] ${line}\n`),
  });
  process.env.TEST_MONGODB_URI = embedded.uri;
  sharedState.embedded = embedded;
  sharedState.dataDir = dataDir;
}
