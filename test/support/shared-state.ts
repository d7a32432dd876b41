import type { EmbeddedDatabase } from '../../bot/src/platform/store/embedded-database';

/** Jest runs global setup and teardown in one process; this carries the database between them. */
export const sharedState: { embedded?: EmbeddedDatabase; dataDir?: string } = ((
  globalThis as { __rapportTest?: { embedded?: EmbeddedDatabase; dataDir?: string } }
).__rapportTest ??= {});
