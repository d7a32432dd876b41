import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Collection, type Db } from 'mongodb';
import {
  createOutbox,
  type Outbox,
  type OutboxDoc,
  type OutboxMessage,
} from '../../../../bot/src/platform/jobs/outbox';
import {
  startOutboxWorker,
  type OutboxWorkerOptions,
} from '../../../../bot/src/platform/jobs/outbox-worker';
import { createRateLimiter } from '../../../../bot/src/platform/jobs/rate-limiter';
import { createLogger } from '../../../../bot/src/logger';
import { collections, prepareSchema } from '../../../support/schema';
import { connectDatabase, type Database } from '../../../../bot/src/platform/store/database';
import { createPersonalConversations } from '../../../../bot/src/people/personal-conversations';
import { createAdapter } from '../../../../bot/src/platform/teams/adapter';
import { createProactiveSender } from '../../../../bot/src/platform/teams/proactive-sender';
import { TENANT_ID } from '../../../fixtures/teams-activities';
import {
  BLOCKED,
  personalConversationId,
  serviceError,
  startProactiveConnectorStub,
  throttled,
  type ProactiveConnectorStub,
} from '../../../support/proactive-connector-stub';
import { testMongoUri, uniqueDbName } from '../../../support/test-app';
import { waitUntil } from '../../../support/wait-until';

const logger = createLogger('error', (line) => process.stderr.write(line + '\n'));
const sender = createProactiveSender({
  adapter: createAdapter({ mode: 'anonymous' }, logger),
  logger,
});

interface Person {
  userId: string;
  aadObjectId: string;
}

const newPerson = (label = 'm'): Person => ({
  userId: `29:${label}-${randomUUID()}`,
  aadObjectId: randomUUID(),
});

describe('the outbox (proactive messages through one rate-limited queue)', () => {
  let database: Database;
  let stub: ProactiveConnectorStub;
  let db: Db;
  let outbox: Outbox;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stub = await startProactiveConnectorStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(async () => {
    // A database per test, connected as the app connects (on FerretDB, writes are serialised).
    database = await connectDatabase(testMongoUri(), uniqueDbName('outbox'));
    db = database.db;
    await prepareSchema(db);
    outbox = createOutbox(db);
    stub.setIntercept(undefined);
  });
  afterEach(async () => {
    while (stops.length > 0) await stops.pop()!();
    await db.dropDatabase();
    await database.close();
  });

  const message = (key: string, p: Person, conversationId?: string): OutboxMessage => ({
    key,
    target: {
      serviceUrl: stub.url,
      tenantId: TENANT_ID,
      userId: p.userId,
      aadObjectId: p.aadObjectId,
      ...(conversationId ? { conversationId } : {}),
    },
    activity: { type: 'message', text: `reminder ${key}` },
  });

  const startWorker = (overrides: Partial<OutboxWorkerOptions> = {}) => {
    const personal = createPersonalConversations(db);
    const worker = startOutboxWorker({
      outbox,
      sender,
      limiter: createRateLimiter(),
      logger,
      pollMs: 50,
      knownConversations: personal.find,
      rememberConversations: personal.rememberAll,
      ...overrides,
    });
    stops.push(() => worker.stop());
    return worker;
  };

  const callsTo = (conversationId: string) =>
    stub.calls.filter((c) => c.kind === 'send' && c.conversationId === conversationId);

  it('sends every message exactly once, creating a 1:1 conversation only when none is known', async () => {
    const known = Array.from({ length: 20 }, () => newPerson('known'));
    const stored = Array.from({ length: 5 }, () => newPerson('stored'));
    const unknown = Array.from({ length: 15 }, () => newPerson('new'));
    // Some members' 1:1 chats were stored by an earlier run.
    await db.collection(collections.personalConversations).insertMany(
      stored.map((p) => ({
        _id: p.aadObjectId as unknown as never,
        personalConversationId: personalConversationId(p.userId),
      })),
    );
    const messages = [
      ...known.map((p, i) => message(`r1:k${i}`, p, personalConversationId(p.userId))),
      ...stored.map((p, i) => message(`r1:s${i}`, p)),
      ...unknown.map((p, i) => message(`r1:u${i}`, p)),
    ];
    expect(await outbox.enqueue(messages)).toEqual({ added: 40 });

    const worker = startWorker({ concurrency: 8 });
    await worker.idle();

    for (const p of [...known, ...stored, ...unknown]) {
      expect(callsTo(personalConversationId(p.userId)).map((c) => c.status)).toEqual([200]);
    }
    const creates = stub.calls.filter(
      (c) =>
        c.kind === 'create' && [...known, ...stored, ...unknown].some((p) => p.userId === c.userId),
    );
    expect(creates.map((c) => c.userId).sort()).toEqual(unknown.map((p) => p.userId).sort());
    // What Teams needs to open a 1:1 chat, and no token: the bot runs anonymous locally.
    expect(creates[0].body).toMatchObject({
      isGroup: false,
      members: [{ id: expect.stringMatching(/^29:/) }],
      tenantId: TENANT_ID,
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(creates.every((c) => c.authorization === undefined)).toBe(true);
    const sentToFirst = callsTo(personalConversationId(known[0].userId))[0];
    expect(sentToFirst.body).toMatchObject({ type: 'message', text: 'reminder r1:k0' });

    expect(await outbox.stats()).toEqual({ pending: 0, sent: 40, failed: 0, unreachable: 0 });
    // The created conversations are kept on the member (once the worker has nothing to send),
    // so the next round skips the create.
    const personal = createPersonalConversations(db);
    const remembered = () => personal.find(unknown.map((p) => p.aadObjectId));
    await waitUntil(async () => (await remembered()).size === 15, {
      what: 'all 15 conversations remembered',
      timeoutMs: 20_000,
    });
    expect((await remembered()).get(unknown[0].aadObjectId)).toBe(
      personalConversationId(unknown[0].userId),
    );
    const doc = await outbox.find('r1:u0');
    expect(doc).toMatchObject({ status: 'sent', attempts: 1 });
    expect(doc?.sentAt).toBeInstanceOf(Date);
  });

  it('ignores a second enqueue of the same key, alone or in a batch with new ones', async () => {
    const a = newPerson();
    const b = newPerson();
    expect(
      await outbox.enqueue([message('round-7:a', a, personalConversationId(a.userId))]),
    ).toEqual({
      added: 1,
    });
    const again = { ...message('round-7:a', a, personalConversationId(a.userId)) };
    again.activity = { type: 'message', text: 'a different text' };
    expect(await outbox.enqueue([again])).toEqual({ added: 0 });
    expect(
      await outbox.enqueue([again, message('round-7:b', b, personalConversationId(b.userId))]),
    ).toEqual({ added: 1 });

    const worker = startWorker();
    await worker.idle();

    expect(callsTo(personalConversationId(a.userId)).map((c) => c.body.text)).toEqual([
      'reminder round-7:a',
    ]);
    expect(callsTo(personalConversationId(b.userId))).toHaveLength(1);
    // Enqueueing again after it was sent does not send it again either.
    expect(await outbox.enqueue([again])).toEqual({ added: 0 });
    await worker.idle();
    expect(callsTo(personalConversationId(a.userId))).toHaveLength(1);
  });

  it('reads what comes due from the messages still to send, never from those already sent', async () => {
    const sent = Array.from({ length: 30 }, () => newPerson('sent'));
    await outbox.enqueue(
      sent.map((p, i) => message(`sent:${i}`, p, personalConversationId(p.userId))),
    );
    const worker = startWorker();
    await worker.idle();
    await waitUntil(
      async () => (await db.collection(collections.outboxOutcomes).countDocuments()) === 0,
      { what: 'no outcome left to record', timeoutMs: 20_000 },
    );
    await worker.stop();
    const later = newPerson('later');
    await outbox.enqueue([message('later:1', later)]);

    const find = jest.spyOn(Collection.prototype, 'find');
    let due: OutboxDoc[];
    let searched: { collection: string; filter: unknown }[];
    try {
      due = await outbox.nextPending(10);
      searched = find.mock.calls
        .map((call, i) => ({ collection: find.mock.contexts[i].collectionName, filter: call[0] }))
        .filter((q) => typeof (q.filter as { _id?: unknown } | undefined)?._id !== 'string');
    } finally {
      find.mockRestore();
    }

    expect(due.map((d) => d._id)).toEqual(['later:1']);
    // Only the outcomes not folded yet and the index of what is still to send are searched.
    expect(searched.map((q) => q.collection).sort()).toEqual([
      collections.outboxOutcomes,
      collections.outboxPending,
    ]);
  });

  it('skips and drops index entries a crash left behind, and still sends what is pending', async () => {
    const [a, b] = [newPerson(), newPerson()];
    await outbox.enqueue([message('pending', a), message('finished', b)]);
    // Folded, but the entry outlived it; and two entries whose messages were never stored, one
    // left by a crash long ago and one an enqueue may still be completing.
    await db
      .collection<{ _id: string; status: string }>(collections.outbox)
      .updateOne({ _id: 'finished' }, { $set: { status: 'sent' } });
    const index = db.collection<{ _id: string; notBefore: Date }>(collections.outboxPending);
    await index.insertMany([
      { _id: 'crashed', notBefore: new Date(Date.now() - 3_600_000) },
      { _id: 'storing', notBefore: new Date() },
    ]);

    expect((await outbox.nextPending(10)).map((d) => d._id)).toEqual(['pending']);
    expect((await index.find({}).toArray()).map((e) => e._id).sort()).toEqual([
      'pending',
      'storing',
    ]);
  });

  it('waits out a 429’s Retry-After before trying that conversation again, without holding up others', async () => {
    const slow = newPerson('slow');
    const other = newPerson('other');
    const slowConversation = personalConversationId(slow.userId);
    stub.scriptSends(slowConversation, throttled(3));
    await outbox.enqueue([message('r:slow', slow, slowConversation)]);

    startWorker({ random: () => 0 });
    await waitUntil(
      () => callsTo(slowConversation).length === 1 && callsTo(slowConversation)[0].status === 429,
      { what: 'one throttled call to the slow conversation', timeoutMs: 20_000 },
    );
    await outbox.enqueue([message('r:other', other, personalConversationId(other.userId))]);
    await waitUntil(async () => (await outbox.find('r:slow'))?.status === 'sent', {
      what: 'r:slow sent',
      timeoutMs: 10_000,
    });

    const [refused, accepted] = callsTo(slowConversation);
    expect(accepted.status).toBe(200);
    const gap = accepted.startedAt - refused.endedAt!;
    // Retry-After 3 s beats the first backoff (2 s + 0 jitter here); the poll adds a little.
    expect(gap).toBeGreaterThanOrEqual(3000);
    expect(gap).toBeLessThan(4000);
    const otherCall = callsTo(personalConversationId(other.userId))[0];
    expect(otherCall.startedAt).toBeLessThan(accepted.startedAt);
    expect(await outbox.find('r:slow')).toMatchObject({ attempts: 2, status: 'sent' });
  });

  it('retries 502/503/504 with growing backoff, then marks the message failed with the last error', async () => {
    const p = newPerson();
    const conversation = personalConversationId(p.userId);
    stub.scriptSends(conversation, serviceError(503), serviceError(502), serviceError(504));
    await outbox.enqueue([message('r:down', p, conversation)]);

    startWorker({ maxAttempts: 3, backoff: { baseMs: 100, jitterMs: 0 } });
    await waitUntil(async () => (await outbox.find('r:down'))?.status === 'failed', {
      what: 'r:down failed',
      timeoutMs: 20_000,
    });

    // Exactly three requests: the connector client's own hidden retries are off.
    const calls = callsTo(conversation);
    expect(calls.map((c) => c.status)).toEqual([503, 502, 504]);
    expect(calls[1].startedAt - calls[0].endedAt!).toBeGreaterThanOrEqual(200); // 100 × 2¹
    expect(calls[2].startedAt - calls[1].endedAt!).toBeGreaterThanOrEqual(400); // 100 × 2²
    const doc = (await outbox.find('r:down')) as OutboxDoc;
    expect(doc).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: { status: 504, code: 'ServiceError' },
    });
    expect(doc.lastError?.message).toMatch(/^gave up after 3 tries; sending: /);
    expect(doc.finishedAt).toBeInstanceOf(Date);
  });

  it('marks a member who blocked the bot unreachable, once, and tells onUnreachable', async () => {
    const blockedInChat = newPerson('blocked');
    const blockedAtCreate = newPerson('blocked-new');
    await db.collection(collections.personalConversations).insertOne({
      _id: blockedInChat.aadObjectId as unknown as never,
      personalConversationId: personalConversationId(blockedInChat.userId),
    });
    stub.scriptSends(personalConversationId(blockedInChat.userId), BLOCKED);
    stub.scriptCreates(blockedAtCreate.userId, BLOCKED);
    await outbox.enqueue([message('r:b1', blockedInChat), message('r:b2', blockedAtCreate)]);
    const personal = createPersonalConversations(db);
    const onUnreachable = jest.fn(
      async (aadObjectId: string, _tenantId: string, reason: { code?: string }) => {
        await personal.markUnreachable(aadObjectId, reason.code ?? 'Forbidden', new Date());
      },
    );

    const worker = startWorker({ onUnreachable });
    await worker.idle();

    expect(await outbox.find('r:b1')).toMatchObject({
      status: 'unreachable',
      attempts: 1,
      lastError: { status: 403, code: 'ConversationBlockedByUser' },
    });
    expect(await outbox.find('r:b2')).toMatchObject({ status: 'unreachable', attempts: 1 });
    expect(onUnreachable).toHaveBeenCalledTimes(2);
    expect(onUnreachable).toHaveBeenCalledWith(blockedInChat.aadObjectId, TENANT_ID, {
      status: 403,
      code: 'ConversationBlockedByUser',
      blocked: true,
    });
    expect(callsTo(personalConversationId(blockedInChat.userId))).toHaveLength(1);
    const member = await db.collection(collections.personalConversations).findOne({
      _id: blockedInChat.aadObjectId as unknown as never,
    });
    expect(member?.unreachable).toMatchObject({ code: 'ConversationBlockedByUser' });
    expect(member?.personalConversationId).toBeUndefined();
  });

  it('fails at once on another 4xx, without retrying', async () => {
    const p = newPerson();
    const conversation = personalConversationId(p.userId);
    stub.scriptSends(conversation, {
      status: 404,
      body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } },
    });
    await outbox.enqueue([message('r:gone', p, conversation)]);

    const worker = startWorker();
    await worker.idle();

    expect(await outbox.find('r:gone')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: { status: 404, code: 'ConversationNotFound' },
    });
    expect(callsTo(conversation)).toHaveLength(1);
  });

  it('creates the conversation once when only the send after it has to be retried', async () => {
    const p = newPerson();
    stub.scriptSends(personalConversationId(p.userId), serviceError(502));
    await outbox.enqueue([message('r:create-once', p)]);

    startWorker({ backoff: { baseMs: 50, jitterMs: 0 } });
    await waitUntil(async () => (await outbox.find('r:create-once'))?.status === 'sent', {
      what: 'r:create-once sent',
      timeoutMs: 20_000,
    });

    expect(stub.calls.filter((c) => c.kind === 'create' && c.userId === p.userId)).toHaveLength(1);
    expect(callsTo(personalConversationId(p.userId)).map((c) => c.status)).toEqual([502, 200]);
    expect(await outbox.find('r:create-once')).toMatchObject({
      conversationId: personalConversationId(p.userId),
      attempts: 2,
    });
  });

  it('keeps to the per-conversation limits: no more than 7 sends in any second to one chat', async () => {
    const p = newPerson();
    const conversation = personalConversationId(p.userId);
    await outbox.enqueue(
      Array.from({ length: 10 }, (_, i) => message(`r:burst-${i}`, p, conversation)),
    );

    const worker = startWorker();
    await waitUntil(async () => (await outbox.stats()).sent === 10, {
      what: '10 messages sent',
      timeoutMs: 10_000,
    });
    await worker.idle();

    const starts = callsTo(conversation).map((c) => c.startedAt);
    expect(starts).toHaveLength(10);
    for (let i = 7; i < starts.length; i++) {
      // The 8th can start only once the 1st left the 1 s window (measured from its answer).
      expect(starts[i] - starts[i - 7]).toBeGreaterThanOrEqual(1000);
    }
    // 8 per 2 s: the 9th waits for the 1st to leave the 2 s window.
    expect(starts[8] - starts[0]).toBeGreaterThanOrEqual(2000);
  });

  it('on stop, finishes the send in flight, leaves the rest pending and releases the lock', async () => {
    const people = Array.from({ length: 4 }, () => newPerson('stop'));
    stub.setIntercept((call) =>
      call.kind === 'send' && call.conversationId === personalConversationId(people[0].userId)
        ? { status: 200, body: { id: 'slow' }, delayMs: 600 }
        : undefined,
    );
    await outbox.enqueue(
      people.map((p, i) => message(`r:stop-${i}`, p, personalConversationId(p.userId))),
    );

    const worker = startOutboxWorker({
      outbox,
      sender,
      limiter: createRateLimiter(),
      logger,
      concurrency: 1,
    });
    await waitUntil(() => stub.inFlight() === 1, { what: 'one call in flight', timeoutMs: 20_000 });
    await worker.stop();

    expect(await outbox.find('r:stop-0')).toMatchObject({ status: 'sent', attempts: 1 });
    const rest = await Promise.all([1, 2, 3].map((i) => outbox.find(`r:stop-${i}`)));
    expect(rest.map((d) => [d?.status, d?.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
    // Released: a restarted app takes over at once instead of waiting for the lock to lapse.
    const lock = await db.collection(collections.locks).findOne({ _id: 'outbox-worker' as never });
    expect(lock?.until).toEqual(new Date(0));
  });

  it('stands by while another worker holds the lock, and takes over when that lock lapses', async () => {
    const p = newPerson();
    await outbox.enqueue([message('r:standby', p, personalConversationId(p.userId))]);
    // A worker that died mid-run: its lock runs out in 1.5 s.
    const other = await outbox.lock('crashed-worker', new Date(), 1_500);
    expect(other).toEqual({ held: true });

    const worker = startWorker({ leaseMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(callsTo(personalConversationId(p.userId))).toHaveLength(0);
    await waitUntil(async () => (await outbox.find('r:standby'))?.status === 'sent', {
      what: 'r:standby sent by the standby worker',
      timeoutMs: 5_000,
    });

    expect(callsTo(personalConversationId(p.userId))).toHaveLength(1);
    expect(worker.counters().takeovers).toBe(1);
    // And the new holder keeps it: the old one cannot come back and send alongside.
    expect(await outbox.lock('crashed-worker', new Date(), 1_500)).toEqual({ held: false });
  });

  /**
   * The restart test. The worker runs in a child process, which is SIGKILLed — no chance to
   * clean up — after about 100 sends, while it waits out a burst of 429s; a second process then
   * finishes the run. Every member must get exactly one message.
   *
   * The one case this cannot cover, and no outbox can without an idempotency key on Teams' side:
   * a send in flight at the moment of the kill. Teams may have accepted it while we never heard
   * the answer, so the message is still pending, and the worker that takes over the lapsed lock
   * sends it again, logging the takeover as one that may repeat a message: at-least-once, at
   * most `concurrency` messages, and only on a crash (a graceful stop waits for in-flight calls).
   * We prefer a rare duplicate to a reminder silently lost. This test kills when nothing is in
   * flight, so it can demand exactly once.
   */
  it('resumes after the worker process is killed mid-run, losing and repeating nothing', async () => {
    const people = Array.from({ length: 300 }, (_, i) => newPerson(`p${i}`));
    // Half have a known 1:1 chat; half need one created (two calls each).
    await outbox.enqueue(
      people.map((p, i) =>
        message(
          `round-1:${p.aadObjectId}`,
          p,
          i % 2 === 0 ? personalConversationId(p.userId) : undefined,
        ),
      ),
    );

    // After ~100 accepted sends, Teams throttles everything for 2 s.
    const before = stub.delivered().length; // earlier tests used the same stub
    const deliveredHere = () => stub.delivered().length - before;
    let stormUntil = 0;
    stub.setIntercept((call) => {
      const t = Date.now();
      if (t < stormUntil) return throttled(2);
      if (stormUntil === 0 && call.kind === 'send' && deliveredHere() >= 100) {
        stormUntil = t + 2000;
        return throttled(2);
      }
      return undefined;
    });

    const root = path.resolve(__dirname, '..', '..', '..', '..');
    const spawnWorker = (): ChildProcess & { output: string[] } => {
      const child = spawn(
        process.execPath,
        ['-r', './test/support/ts-register.cjs', './test/support/outbox-worker-process.ts'],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH,
            MONGODB_URI: testMongoUri(),
            MONGODB_DB: db.databaseName,
            LEASE_MS: '3000',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ) as ChildProcess & { output: string[] };
      child.output = [];
      child.stdout?.on('data', (chunk: Buffer) => child.output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => child.output.push(chunk.toString()));
      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : child.once('exit', () => resolve()),
      );

    const first = spawnWorker();
    try {
      await waitUntil(() => stormUntil > 0, {
        what: 'the throttling storm to start',
        timeoutMs: 40_000,
      });
      // Kill once the worker is waiting: nothing in flight and no call for 300 ms.
      await waitUntil(
        () => {
          const last = Math.max(...stub.calls.map((c) => c.endedAt ?? Date.now()));
          return stub.inFlight() === 0 && Date.now() - last >= 300;
        },
        { what: 'the worker waiting out the storm', timeoutMs: 2_000, stepMs: 20 },
      );
      expect(Date.now()).toBeLessThan(stormUntil); // still inside the storm: the worker is waiting
      first.kill('SIGKILL');
      await exited(first);
    } finally {
      first.kill('SIGKILL');
    }
    const deliveredAtKill = deliveredHere();
    const atKill = await outbox.stats();
    expect(deliveredAtKill).toBeGreaterThanOrEqual(100);
    expect(atKill.sent).toBe(deliveredAtKill);
    expect(atKill.pending).toBe(300 - deliveredAtKill);

    const second = spawnWorker();
    try {
      await waitUntil(async () => (await outbox.stats()).sent === 300, {
        what: 'all 300 messages sent',
        timeoutMs: 60_000,
        stepMs: 200,
      });
      second.kill('SIGTERM');
      await exited(second);
    } finally {
      second.kill('SIGKILL');
    }

    const per = stub.deliveredPer();
    for (const p of people) expect(per.get(personalConversationId(p.userId))).toBe(1);
    expect(stub.delivered().filter((c) => people.some((p) => p.userId === c.userId))).toHaveLength(
      300,
    );
    expect(await outbox.stats()).toEqual({ pending: 0, sent: 300, failed: 0, unreachable: 0 });
    // Retry-After was honoured across the restart: no throttled conversation was tried again
    // within 2 s of its 429.
    for (const refused of stub.calls.filter((c) => c.status === 429 && c.kind === 'send')) {
      const next = stub.calls.find(
        (c) =>
          c.kind === 'send' &&
          c.conversationId === refused.conversationId &&
          c.startedAt > refused.startedAt,
      );
      expect(next).toBeDefined();
      expect(next!.startedAt - refused.endedAt!).toBeGreaterThanOrEqual(2000);
    }
    expect(second.output.join('')).toMatch(/took over from a worker that stopped mid-run/);
  }, 120_000);
});
