import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../../bot/src/logger';
import {
  createOutbox,
  type Outbox,
  type OutboxMessage,
} from '../../../../bot/src/platform/jobs/outbox';
import type { UnreachableHook } from '../../../../bot/src/platform/jobs/outbox-worker/api';
import { Housekeeping } from '../../../../bot/src/platform/jobs/outbox-worker/housekeeping';
import { OutboxLease } from '../../../../bot/src/platform/jobs/outbox-worker/lease';
import { OutcomeRecorder } from '../../../../bot/src/platform/jobs/outbox-worker/outcomes';
import { ReadAhead } from '../../../../bot/src/platform/jobs/outbox-worker/read-ahead';
import { Signals } from '../../../../bot/src/platform/jobs/outbox-worker/signals';
import { WorkerState, type Due } from '../../../../bot/src/platform/jobs/outbox-worker/state';
import { SendError } from '../../../../bot/src/platform/jobs/proactive-port';
import { collections, prepareSchema } from '../../../support/schema';
import { useTestDatabase } from '../../../support/test-database';

const logger = createLogger('error', (line) => process.stderr.write(line + '\n'));
const TENANT = 'tenant-parts';

/** Each part of the outbox worker alone, against the embedded database. */
describe('the outbox worker’s parts, on the database', () => {
  const db = useTestDatabase('outbox-parts');
  let outbox: Outbox;

  beforeAll(async () => {
    await prepareSchema(db());
    outbox = createOutbox(db());
  });

  const message = (key: string, aadObjectId = randomUUID()): OutboxMessage => ({
    key,
    target: { serviceUrl: 'https://smba.example', tenantId: TENANT, userId: '29:x', aadObjectId },
    activity: { type: 'message', text: key },
  });

  const enqueued = async (...keys: string[]): Promise<Due[]> => {
    await outbox.enqueue(keys.map((k) => message(k)));
    const docs = await Promise.all(keys.map((k) => outbox.find(k)));
    return docs.map((doc) => ({ doc: doc!, tenantId: TENANT }));
  };

  describe('the lease', () => {
    beforeEach(async () => {
      await db().collection(collections.locks).deleteMany({});
    });

    it('is held by one worker; the other stands by until it lapses, then takes over', async () => {
      let now = 1_000_000;
      const settings = (owner: string) => ({ owner, lockTtlMs: 3_000, now: () => now });
      const a = { takeovers: 0 };
      const b = { takeovers: 0 };
      const leaseA = new OutboxLease(outbox, settings('a'), logger, a);
      const leaseB = new OutboxLease(outbox, settings('b'), logger, b);

      expect(await leaseA.hold()).toBe(true);
      expect(await leaseB.hold()).toBe(false);
      now += 2_000;
      expect(await leaseA.hold()).toBe(true); // renewed a third of the way in
      now += 2_500;
      expect(await leaseB.hold()).toBe(false);
      now += 1_000;

      expect(await leaseB.hold()).toBe(true);
      expect(b.takeovers).toBe(1);
      expect(await leaseA.hold()).toBe(false);
      expect(leaseA.holding).toBe(false);
    });

    it('once released, is taken at once and not counted as a takeover', async () => {
      const now = () => 2_000_000;
      const b = { takeovers: 0 };
      const leaseA = new OutboxLease(outbox, { owner: 'a', lockTtlMs: 60_000, now }, logger, {
        takeovers: 0,
      });
      const leaseB = new OutboxLease(outbox, { owner: 'b', lockTtlMs: 60_000, now }, logger, b);
      await leaseA.hold();

      await leaseA.release();

      expect(await leaseB.hold()).toBe(true);
      expect(b.takeovers).toBe(0);
    });
  });

  describe('the read-ahead', () => {
    it('buffers what is due once, with the conversations the members already have', async () => {
      const state = new WorkerState();
      const [first, second] = await enqueued(`ra-${randomUUID()}`, `ra-${randomUUID()}`);
      const known = new Map([[first.doc.target.aadObjectId, 'known-chat']]);
      const asked: string[][] = [];
      const readAhead = new ReadAhead(
        outbox,
        state,
        { batchSize: 100, lowWater: 50, pollMs: 50, idlePollMaxMs: 200, now: Date.now },
        new Signals(),
        logger,
        (ids) => {
          asked.push(ids);
          return Promise.resolve(known);
        },
      );

      const read = await readAhead.refill();
      const again = await readAhead.refill();

      // Messages due at the same moment may come in either order: each is looked up by its id.
      const buffered = (id: string) => state.buffer.filter((d) => d.doc._id === id);
      expect(buffered(first.doc._id).map((d) => d.conversationId)).toEqual(['known-chat']);
      expect(buffered(second.doc._id).map((d) => d.conversationId)).toEqual([undefined]);
      expect(read.added).toBeGreaterThanOrEqual(2);
      expect(again.added).toBe(0);
      expect(asked[0]).toEqual(expect.arrayContaining([first.doc.target.aadObjectId]));
      expect(state.local.has(first.doc._id)).toBe(true);
    });
  });

  describe('recording outcomes', () => {
    const recorderWith = (onUnreachable?: UnreachableHook) => {
      const state = new WorkerState();
      return {
        state,
        recorder: new OutcomeRecorder(outbox, state, logger, Date.now, onUnreachable),
      };
    };

    it('records a send as final', async () => {
      const { recorder } = recorderWith();
      const [d] = await enqueued(`sent-${randomUUID()}`);

      await recorder.recordSent(d.doc._id, 'chat-1', 1);

      expect(await outbox.find(d.doc._id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        conversationId: 'chat-1',
      });
    });

    it('records a blocked member as unreachable and tells the hook once', async () => {
      const told: unknown[] = [];
      const { state, recorder } = recorderWith((...args) => void told.push(args));
      const [d] = await enqueued(`blocked-${randomUUID()}`);
      const error = new SendError(403, 'blocked', {
        code: 'ConversationBlockedByUser',
        blocked: true,
      });

      await recorder.recordFailure(
        d,
        { attempts: 1, phase: 'send', conversationId: 'c', error },
        {
          kind: 'unreachable',
        },
      );

      expect(await outbox.find(d.doc._id)).toMatchObject({
        status: 'unreachable',
        lastError: { status: 403, code: 'ConversationBlockedByUser', message: 'sending: blocked' },
      });
      expect(told).toEqual([
        [
          d.doc.target.aadObjectId,
          TENANT,
          { status: 403, code: 'ConversationBlockedByUser', blocked: true },
        ],
      ]);
      expect(state.counters.unreachable).toBe(1);
    });

    it('puts a retry back with its delay, its tries and the conversation it created', async () => {
      const { state, recorder } = recorderWith();
      const [d] = await enqueued(`retry-${randomUUID()}`);
      const before = Date.now();

      await recorder.recordFailure(
        d,
        {
          attempts: 2,
          phase: 'send',
          conversationId: 'created',
          error: new SendError(503, 'busy'),
        },
        { kind: 'retry', delayMs: 60_000 },
      );

      const doc = await outbox.find(d.doc._id);
      expect(doc).toMatchObject({ status: 'pending', attempts: 2, conversationId: 'created' });
      expect(doc!.notBefore.getTime()).toBeGreaterThanOrEqual(before + 60_000);
      expect(state.counters.retried).toBe(1);
    });

    it('says how many tries it took when it gives up', async () => {
      const { state, recorder } = recorderWith();
      const [d] = await enqueued(`give-up-${randomUUID()}`);

      await recorder.recordFailure(
        d,
        { attempts: 5, phase: 'create', error: new SendError(502, 'bad gateway') },
        { kind: 'give-up' },
      );

      expect((await outbox.find(d.doc._id))?.lastError?.message).toBe(
        'gave up after 5 tries; creating the conversation: bad gateway',
      );
      expect(state.counters.failed).toBe(1);
    });

    it('records sends whose recording failed earlier, and frees them for later reads', async () => {
      const { state, recorder } = recorderWith();
      const [d] = await enqueued(`late-${randomUUID()}`);
      state.local.add(d.doc._id);
      state.unrecorded.set(d.doc._id, { status: 'sent', at: new Date(), attempts: 1 });

      await recorder.flushUnrecorded();

      expect(state.unrecorded.size).toBe(0);
      expect(state.local.has(d.doc._id)).toBe(false);
      expect((await outbox.find(d.doc._id))?.status).toBe('sent');
    });
  });

  describe('housekeeping', () => {
    it('stores created conversations first, then folds outcomes until none are left', async () => {
      const state = new WorkerState();
      const remembered: Map<string, string>[] = [];
      const housekeeping = new Housekeeping(outbox, state, new Signals(), logger, Date.now, (m) => {
        remembered.push(new Map(m));
        return Promise.resolve();
      });
      state.toRemember.set('member-1', 'chat-1');

      housekeeping.start();
      await housekeeping.settled();
      expect(remembered).toEqual([new Map([['member-1', 'chat-1']])]);
      expect(state.compactionDue).toBe(true);

      while (housekeeping.due()) {
        housekeeping.start();
        await housekeeping.settled();
      }
      expect(await db().collection(collections.outboxOutcomes).countDocuments()).toBe(0);
    });
  });
});
