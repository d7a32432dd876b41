/**
 * The outbox worker alone in a process, as the app runs it, so a test can kill it outright
 * (SIGKILL) mid-run and start another. Run with the TypeScript hook:
 *
 *   node -r ./test/support/ts-register.cjs test/support/outbox-worker-process.ts
 *
 * Environment: MONGODB_URI, MONGODB_DB, LEASE_MS (the outbox lock's time to live, default 5000),
 * CONCURRENCY (default 16).
 * Logs the worker's JSON lines on stdout; SIGTERM stops it gracefully.
 */
import { createOutbox } from '../../bot/src/platform/jobs/outbox';
import { startOutboxWorker } from '../../bot/src/platform/jobs/outbox-worker';
import { createRateLimiter } from '../../bot/src/platform/jobs/rate-limiter';
import { createLogger } from '../../bot/src/logger';
import { connectDatabase } from '../../bot/src/platform/store/database';
import { createPersonalConversations } from '../../bot/src/people/personal-conversations';
import { createAdapter } from '../../bot/src/platform/teams/adapter';
import { createProactiveSender } from '../../bot/src/platform/teams/proactive-sender';

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  const dbName = process.env.MONGODB_DB;
  if (!uri || !dbName) throw new Error('MONGODB_URI and MONGODB_DB are required');
  const logger = createLogger('info', (line) => process.stdout.write(line + '\n'));
  const database = await connectDatabase(uri, dbName);
  const personal = createPersonalConversations(database.db);
  const worker = startOutboxWorker({
    outbox: createOutbox(database.db),
    sender: createProactiveSender({
      adapter: createAdapter({ mode: 'anonymous' }, logger),
      logger,
    }),
    limiter: createRateLimiter(),
    logger,
    leaseMs: Number(process.env.LEASE_MS ?? 5000),
    concurrency: Number(process.env.CONCURRENCY ?? 16),
    pollMs: 100,
    progressEvery: 50,
    knownConversations: personal.find,
    rememberConversations: personal.rememberAll,
  });
  process.once('SIGTERM', () => {
    void worker
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
