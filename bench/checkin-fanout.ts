/**
 * Check-in fan-out through the outbox: how close to Teams' limits 2,500 reminders go out, and
 * whether each member gets exactly one.
 *
 *   npm run bench:fanout                      # 2,500 members, both scenarios
 *   BENCH_MEMBERS=500 npm run bench:fanout    # quick run
 *
 * Environment: BENCH_MEMBERS (2500), BENCH_CONCURRENCY (16), STUB_LATENCY_MS (25: how long the
 * stub takes to answer, like a nearby Teams).
 *
 * Set-up: this process runs the app's outbox worker (real rate limiter, real botbuilder sender
 * in anonymous mode) against an embedded FerretDB (a child of its own, as `npm start` runs it);
 * a child process runs bench/teams-limits-stub.ts, a Bot Connector that enforces Teams' limits
 * (50 calls per second for the app, 7/1 s, 8/2 s, 60/30 s, 1,800/h per conversation) by
 * answering 429 with Retry-After, and counts what it accepted.
 *
 * Scenarios, each with a fresh database and stub counters:
 *   known    every member's 1:1 conversation id is known: one call per reminder;
 *   create   none is known: the worker creates each 1:1 conversation first (a call that counts
 *            against the app's limit too), so two calls per reminder.
 *
 * For each: total time from the worker's start until every reminder is recorded as sent; the
 * fastest time the limits allow (accepted calls / 50 per second); their ratio (target ≤ 1.15);
 * the 429s the worker received; and, at the stub, that every member got exactly one reminder.
 *
 * Exit code: 0 when delivery was exactly once and the ratio target was met, 1 on any failure,
 * 2 when delivery was right but a ratio missed its target.
 */
import { adaptiveCard, cardAttachment } from '../bot/src/platform/teams/cards/adaptive-card';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOutbox, type OutboxMessage } from '../bot/src/platform/jobs/outbox';
import { startOutboxWorker } from '../bot/src/platform/jobs/outbox-worker';
import { createRateLimiter } from '../bot/src/platform/jobs/rate-limiter';
import { createLogger } from '../bot/src/logger';
import { rosterDoc, type RosterDoc } from '../bot/src/people/rosters';
import { collections, prepareSchema } from '../test/support/schema';
import { connectDatabase } from '../bot/src/platform/store/database';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../bot/src/platform/store/embedded-database';
import { createPersonalConversations } from '../bot/src/people/personal-conversations';
import { createAdapter } from '../bot/src/platform/teams/adapter';
import { createProactiveSender } from '../bot/src/platform/teams/proactive-sender';
import { envNumber, ipcReplies, log, projectRoot, sleep } from './support/harness';
import type { StubReply, StubRequest, StubStats } from './teams-limits-stub';

const TARGET_RATIO = 1.15;
const APP_LIMIT_PER_SECOND = 50;
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

const MEMBERS = Math.round(envNumber('BENCH_MEMBERS', 2500, 1));
const CONCURRENCY = Math.round(envNumber('BENCH_CONCURRENCY', 16, 1));
const LATENCY_MS = Math.round(envNumber('STUB_LATENCY_MS', 25, 0));

interface Stub {
  url: string;
  stats(): Promise<StubStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function startStub(): Promise<Stub> {
  const child: ChildProcess = fork(path.join(__dirname, 'teams-limits-stub.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, STUB_LATENCY_MS: String(LATENCY_MS) },
  });
  const next = ipcReplies<StubRequest, StubReply>(child, 'connector stub');
  const { url } = await next('ready');
  return {
    url,
    stats: async () => (await next('stats', { type: 'stats' })).stats,
    reset: async () => {
      await next('reset-done', { type: 'reset' });
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A check-in reminder about the size of the real card (an Adaptive Card with five questions). */
function reminderActivity(name: string): Record<string, unknown> {
  const question = (id: string, text: string) => ({
    type: 'Input.ChoiceSet',
    id,
    label: text,
    style: 'expanded',
    choices: ['1', '2', '3', '4', '5'].map((v) => ({ title: v, value: v })),
  });
  const card = adaptiveCard(
    [
      { type: 'TextBlock', text: `Hi ${name}, this week's check-in is open`, wrap: true },
      question('safety', 'I can take a risk on this team without feeling insecure.'),
      question('dependability', 'I can count on my teammates to do high-quality work.'),
      question('structure', 'Our roles, plans and goals are clear.'),
      question('meaning', 'The work we do is personally important to me.'),
      question('impact', 'I understand how our work contributes to the bigger picture.'),
    ],
    { actions: [{ type: 'Action.Execute', title: 'Send', verb: 'checkin.answer' }] },
  );
  return { type: 'message', attachments: [cardAttachment(card)] };
}

interface ScenarioResult {
  name: string;
  calls: number;
  seconds: number;
  fastest: number;
  ratio: number;
  throttled: number;
  exactlyOnce: boolean;
}

async function runScenario(
  name: string,
  knownConversations: boolean,
  mongoUri: string,
  stub: Stub,
): Promise<ScenarioResult> {
  log(
    `— scenario "${name}": ${MEMBERS} reminders, ${knownConversations ? 'known 1:1 conversations' : 'no known conversation (create first)'}`,
  );
  await stub.reset();
  const database = await connectDatabase(mongoUri, `fanout_${name}`);
  await database.db.dropDatabase();
  await prepareSchema(database.db);
  const outbox = createOutbox(database.db);

  // One team's roster, as installation stores it; the reminders go to every member.
  const teamId = `19:${randomUUID()}@thread.tacv2`;
  const people = Array.from({ length: MEMBERS }, (_, i) => ({
    userId: `29:member-${i}-${randomUUID()}`,
    aadObjectId: randomUUID(),
    name: `Member ${i}`,
  }));
  await database.db.collection<RosterDoc>(collections.rosters).insertOne(
    rosterDoc(
      teamId,
      people.map((p) => ({ aadObjectId: p.aadObjectId, teamsUserId: p.userId, name: p.name })),
      new Date(),
    ),
  );
  const round = randomUUID();
  const messages: OutboxMessage[] = people.map((p) => ({
    key: `round|${round}|${p.aadObjectId}`,
    target: {
      serviceUrl: stub.url,
      tenantId: TENANT_ID,
      userId: p.userId,
      aadObjectId: p.aadObjectId,
      ...(knownConversations ? { conversationId: `a:${p.userId}` } : {}),
    },
    activity: reminderActivity(p.name),
  }));
  const enqueueStarted = Date.now();
  const { added } = await outbox.enqueue(messages);
  log(`enqueued ${added} reminders in ${Date.now() - enqueueStarted} ms`);

  const workerLogger = createLogger('info', (line) => {
    const entry = JSON.parse(line) as { level: string; message: string };
    if (entry.level !== 'debug') process.stdout.write(`  [worker] ${line}\n`);
  });
  const adapterLogger = createLogger('warn', (line) =>
    process.stdout.write(`  [adapter] ${line}\n`),
  );
  const t0 = Date.now();
  const worker = startOutboxWorker({
    outbox,
    sender: createProactiveSender({
      adapter: createAdapter({ mode: 'anonymous' }, adapterLogger),
      logger: adapterLogger,
    }),
    limiter: createRateLimiter(),
    logger: workerLogger,
    concurrency: CONCURRENCY,
    knownConversations: createPersonalConversations(database.db).find,
    rememberConversations: createPersonalConversations(database.db).rememberAll,
  });
  const ticker = setInterval(() => {
    const c = worker.counters();
    log(
      `progress: ${c.sent}/${MEMBERS} sent, ${c.conversationsCreated} conversations created, ` +
        `${c.throttled} × 429, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 5_000);

  // Done when the worker is idle with nothing pending (idle resolves as soon as nothing is due
  // or in flight; a retry waiting for its time keeps a message pending).
  let seconds: number;
  let stats;
  for (;;) {
    await worker.idle();
    seconds = (Date.now() - t0) / 1000;
    stats = await outbox.stats();
    if (stats.pending === 0) break;
    await sleep(100);
  }
  clearInterval(ticker);
  const counters = worker.counters();
  const personal = createPersonalConversations(database.db);
  if (!knownConversations) {
    // The created 1:1 conversations are stored on the members once the worker has nothing to
    // send (each write costs about as much as a send's on FerretDB); not part of the timing.
    const storing = Date.now();
    let remembered = 0;
    while (Date.now() - storing < 120_000) {
      remembered = (await personal.find(people.map((p) => p.aadObjectId))).size;
      if (remembered === MEMBERS) break;
      await sleep(1_000);
    }
    log(
      `stored ${remembered} of ${MEMBERS} created 1:1 conversations on the members ` +
        `${((Date.now() - storing) / 1000).toFixed(1)} s after the run`,
    );
  }
  await worker.stop();

  const at = await stub.stats();
  const calls = at.createsAccepted + at.sendsAccepted;
  const fastest = calls / APP_LIMIT_PER_SECOND;
  const perMember = people.map((p) => at.delivered[`a:${p.userId}`] ?? 0);
  const missing = perMember.filter((n) => n === 0).length;
  const repeated = perMember.filter((n) => n > 1).length;
  const exactlyOnce =
    missing === 0 && repeated === 0 && at.sendsAccepted === MEMBERS && stats.sent === MEMBERS;
  const stubSeconds =
    at.firstAcceptedAt !== undefined && at.lastAcceptedAt !== undefined
      ? (at.lastAcceptedAt - at.firstAcceptedAt) / 1000
      : 0;

  log(`results for "${name}":`);
  log(`  outbox: ${JSON.stringify(stats)}; worker: ${JSON.stringify(counters)}`);
  log(
    `  calls accepted by the stub: ${calls} (${at.createsAccepted} creates + ${at.sendsAccepted} sends); ` +
      `busiest second: ${at.busiestSecond} calls (limit ${APP_LIMIT_PER_SECOND})`,
  );
  log(
    `  total time: ${seconds.toFixed(2)} s (first to last accepted call at the stub: ${stubSeconds.toFixed(2)} s)`,
  );
  log(
    `  fastest the limits allow: ${fastest.toFixed(2)} s (${calls} calls / ${APP_LIMIT_PER_SECOND} per s; ` +
      `a sliding window lets the first ${APP_LIMIT_PER_SECOND} go at once, so the last call could ` +
      `start at ${Math.floor((calls - 1) / APP_LIMIT_PER_SECOND)} s at the earliest)`,
  );

  log(`  ratio: ${(seconds / fastest).toFixed(3)} (target ≤ ${TARGET_RATIO})`);
  log(
    `  429s received: ${at.throttledCreates + at.throttledSends} (${at.throttledCreates} on creates, ${at.throttledSends} on sends)`,
  );
  log(
    `  exactly once at the stub: ${exactlyOnce ? 'yes' : 'NO'} — ${MEMBERS - missing} of ${MEMBERS} members reached, ` +
      `${missing} missed, ${repeated} more than once`,
  );
  await database.db.dropDatabase();
  await database.close();
  return {
    name,
    calls,
    seconds,
    fastest,
    ratio: seconds / fastest,
    throttled: at.throttledCreates + at.throttledSends,
    exactlyOnce,
  };
}

async function main(): Promise<number> {
  const root = projectRoot();
  log(
    `check-in fan-out: ${MEMBERS} members, worker concurrency ${CONCURRENCY}, stub latency ${LATENCY_MS} ms, ` +
      `Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-fanout-'));
  let embedded: EmbeddedDatabase | undefined;
  let stub: Stub | undefined;
  try {
    embedded = await startEmbeddedDatabase({
      dataDir,
      cacheDir: path.join(root, '.cache', 'ferretdb'),
      logger: createLogger('warn', (line) => process.stdout.write(`  [db] ${line}\n`)),
      progress: (line) => log(line),
    });
    stub = await startStub();
    const results: ScenarioResult[] = [];
    results.push(await runScenario('known', true, embedded.uri, stub));
    results.push(await runScenario('create', false, embedded.uri, stub));

    log('summary:');
    for (const r of results) {
      log(
        `  ${r.name.padEnd(7)} ${r.calls} calls in ${r.seconds.toFixed(2)} s; fastest ${r.fastest.toFixed(2)} s; ` +
          `ratio ${r.ratio.toFixed(3)}; ${r.throttled} × 429; exactly once: ${r.exactlyOnce ? 'yes' : 'NO'}`,
      );
    }
    if (results.some((r) => !r.exactlyOnce)) return 1;
    return results.every((r) => r.ratio <= TARGET_RATIO) ? 0 : 2;
  } finally {
    await stub?.stop();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
