import {
  MongoBulkWriteError,
  type Collection,
  type Db,
  type Filter,
  type OptionalUnlessRequiredId,
} from 'mongodb';
import { belongsToTenant } from '../../people/domain/installation';
import type { PersonKey } from '../domain/person-key';
import { collections } from '../store/collections';
import { insertMissing } from '../store/insert-missing';
import { isDuplicateKey, writeErrorsOf } from '../store/mongo-errors';
import type { OutboxTarget } from './proactive-port';

/**
 * The one outbox for proactive messages. Every message is a document whose `_id` is its
 * idempotency key (for a check-in reminder: round + member), so enqueueing the same reminder
 * twice stores it once, and a worker that dies mid-run leaves behind exactly what is still due.
 *
 * One worker at a time sends (it holds the outbox lock, below), so a message needs no claim of
 * its own, and one rate limiter sees every call to Teams.
 *
 * Writes are shaped by the embedded FerretDB 1.24 (SQLite), where an unpatched build made an
 * update or a delete cost time in proportion to the collection's size — 15–20 ms per update
 * with a few hundred to a few thousand messages — while an insert cost about 1 ms. So a
 * message's outcome (sent, failed, unreachable) is first *inserted* into `outbox_outcomes`
 * under the message's key: one cheap, durable write per send, which is what bounds a fan-out's
 * speed. The worker folds outcomes into the messages' `status` later, when it has nothing to
 * send (`compact`); until then every read here (`stats`, `find`, `nextPending`) counts a
 * message with an outcome as finished. On MongoDB the same shape costs little either way.
 *
 * For the same reason the activity is stored as JSON text: FerretDB decodes every document a
 * query scans, and a nested Adaptive Card made reading 500 due messages take 2.4 s instead of
 * 0.1 s.
 *
 * Finished messages stay a month (to explain a failure), so the messages still to send are
 * indexed apart, in `outbox_pending` (key and `notBefore` only): the worker's "what comes due
 * first" reads that small collection (the `{notBefore, _id}` index on MongoDB; on FerretDB a read
 * of the work waiting, not of a month of sent cards) and then each message by key. An entry is
 * stored before its message and deleted after the message's outcome is folded in, so a crash
 * leaves at most an entry whose message is missing or finished, which the read skips and drops.
 */

export type { OutboxTarget } from './proactive-port';

export interface OutboxMessage {
  /** Idempotency key, e.g. `checkin:${roundId}:${aadObjectId}`. */
  key: string;
  target: OutboxTarget;
  /** A message activity, e.g. `{ type: 'message', attachments: [card] }`. */
  activity: Record<string, unknown>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'unreachable';

export interface OutboxError {
  status?: number;
  code?: string;
  message: string;
  at: Date;
}

export interface OutboxDoc {
  _id: string;
  target: OutboxTarget;
  activity: Record<string, unknown>;
  status: OutboxStatus;
  /** Tries so far (each: create the conversation if needed, then send). */
  attempts: number;
  /** Not to be tried before this (a retry's backoff, a conversation's rate limit). */
  notBefore: Date;
  /** The 1:1 conversation, once created, so a retry does not create it again. */
  conversationId?: string;
  /** Why the latest failed try failed (kept after a later success, as history). */
  lastError?: OutboxError;
  createdAt: Date;
  sentAt?: Date;
  /** When it ended failed or unreachable. */
  finishedAt?: Date;
}

export type OutboxStats = Record<OutboxStatus, number>;

/** How a message ended, as the worker records it. */
export interface Outcome {
  status: Exclude<OutboxStatus, 'pending'>;
  at: Date;
  attempts: number;
  conversationId?: string;
  lastError?: OutboxError;
}

interface OutcomeDoc extends Outcome {
  _id: string;
}

/** A message still to send, by key, with when it may go (the order of `nextPending`). */
interface PendingDoc {
  _id: string;
  notBefore: Date;
}

/** A message as stored: the activity as JSON text. */
interface StoredMessage extends Omit<OutboxDoc, 'activity'> {
  activityJson: string;
}

const toDoc = ({ activityJson, ...rest }: StoredMessage): OutboxDoc => ({
  ...rest,
  activity: JSON.parse(activityJson) as Record<string, unknown>,
});

/** The outbox lock: which worker may send, until when. */
interface LockDoc {
  _id: string;
  owner: string;
  until: Date;
  acquiredAt: Date;
}

export interface LockResult {
  held: boolean;
  /** On a takeover: the worker whose lock lapsed without being released (it stopped mid-run). */
  tookOverFrom?: string;
}

const LOCK_ID = 'outbox-worker';

/** An index entry this old whose message is missing was left by a crash mid-enqueue. */
const STALE_ENTRY_MS = 10 * 60_000;

export interface Outbox {
  /** Stores the messages; keys already present are left as they are (idempotent). */
  enqueue(messages: OutboxMessage[]): Promise<{ added: number }>;
  /** Counts by status. */
  stats(): Promise<OutboxStats>;
  /**
   * Messages waiting to be sent, read from the queue's index alone (what it costs grows with
   * the queue, not with every message ever sent); one finished since the worker last read the
   * index is still counted until it does.
   */
  depth(): Promise<number>;
  /** One message as it stands, for tests and diagnostics. */
  find(key: string): Promise<OutboxDoc | null>;
  /** Calls `listener` after each enqueue that added something; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The pending messages that come due first (due ones included), earliest first. */
  nextPending(limit: number): Promise<OutboxDoc[]>;
  /** Records how the message ended (one insert); `compact` folds it into the message later. */
  recordOutcome(key: string, outcome: Outcome): Promise<void>;
  /** Folds up to `limit` recorded outcomes into their messages; returns how many it folded. */
  compact(limit: number): Promise<number>;
  /** Records a failed try and when to try again. */
  retryLater(
    key: string,
    notBefore: Date,
    error: OutboxError,
    attempts: number,
    conversationId?: string,
  ): Promise<void>;
  /** Moves a message to later, untried (its conversation is rate limited for a while). */
  defer(key: string, notBefore: Date, conversationId?: string): Promise<void>;
  /** Takes or renews the lock that makes `owner` the one worker allowed to send. */
  lock(owner: string, now: Date, ttlMs: number): Promise<LockResult>;
  /** Gives the lock up, if `owner` holds it. */
  unlock(owner: string): Promise<void>;
  /** Deletes finished messages older than `before` (sent, failed, unreachable). */
  purgeFinished(before: Date): Promise<number>;
  /** Deletes every message to the person, in their tenant only: part of deleting their data. */
  removeFor(person: PersonKey): Promise<number>;
}

function duplicateOnly(err: MongoBulkWriteError): boolean {
  const errors = writeErrorsOf(err);
  return errors.length > 0 && errors.every(isDuplicateKey);
}

/** The fields an outcome sets on its message. */
function outcomeFields(o: Outcome): Partial<OutboxDoc> {
  return {
    status: o.status,
    attempts: o.attempts,
    ...(o.conversationId ? { conversationId: o.conversationId } : {}),
    ...(o.status === 'sent' ? { sentAt: o.at } : { finishedAt: o.at }),
    ...(o.lastError ? { lastError: o.lastError } : {}),
  };
}

/**
 * Indexes the messages stored before `outbox_pending` existed (schema version 3) that are still
 * to send; once, at start-up, before the worker reads the index.
 */
export async function indexPendingMessages(db: Db): Promise<number> {
  const meta = db.collection<{ _id: string; at?: Date }>(collections.meta);
  if (await meta.findOne({ _id: 'outbox-pending' })) return 0;
  const pending = await db
    .collection<StoredMessage>(collections.outbox)
    .find({ status: 'pending' }, { projection: { _id: 1, notBefore: 1 } })
    .toArray();
  const entries = pending.map(({ _id, notBefore }) => ({ _id, notBefore }));
  const present = await insertMissing(
    db.collection<PendingDoc>(collections.outboxPending),
    entries,
  );
  await meta.updateOne({ _id: 'outbox-pending' }, { $set: { at: new Date() } }, { upsert: true });
  return entries.length - present.length;
}

/** Long only as a factory: the outbox's methods, each short, over the same collections and listeners. */
export function createOutbox(db: Db): Outbox {
  const outbox = db.collection<StoredMessage>(collections.outbox);
  const outcomes = db.collection<OutcomeDoc>(collections.outboxOutcomes);
  const pendingIndex = db.collection<PendingDoc>(collections.outboxPending);
  const locks = db.collection<LockDoc>(collections.locks);
  const listeners = new Set<() => void>();

  /** Inserts documents keyed by message, leaving the keys already stored as they are. */
  const insertNew = async <T extends { _id: string }>(
    collection: Collection<T>,
    docs: OptionalUnlessRequiredId<T>[],
  ): Promise<number> => {
    try {
      return (await collection.insertMany(docs, { ordered: false })).insertedCount;
    } catch (err) {
      // Unordered: every new key is stored; the ones already there fail alone with 11000.
      if (!(err instanceof MongoBulkWriteError) || !duplicateOnly(err)) throw err;
      return err.insertedCount;
    }
  };

  return {
    async enqueue(messages) {
      if (messages.length === 0) return { added: 0 };
      const now = new Date();
      const docs: StoredMessage[] = messages.map((m) => ({
        _id: m.key,
        target: m.target,
        activityJson: JSON.stringify(m.activity),
        status: 'pending',
        attempts: 0,
        notBefore: now,
        createdAt: now,
      }));
      // Indexed first: an entry whose message is already there (or finished) is dropped when read.
      await insertNew(
        pendingIndex,
        docs.map((d) => ({ _id: d._id, notBefore: d.notBefore })),
      );
      const added = await insertNew(outbox, docs);
      if (added > 0) for (const listener of listeners) listener();
      return { added };
    },

    async stats() {
      // Outcomes, then messages, one read each, so a fold in between counts every message once.
      const recorded = await outcomes.find({}, { projection: { status: 1 } }).toArray();
      const messages = await outbox.find({}, { projection: { status: 1 } }).toArray();
      const stats: OutboxStats = { pending: 0, sent: 0, failed: 0, unreachable: 0 };
      const outcomeOf = new Map(recorded.map((o) => [o._id, o.status]));
      for (const { _id, status } of messages) {
        stats[status === 'pending' ? (outcomeOf.get(_id) ?? 'pending') : status]++;
      }
      return stats;
    },

    depth: () => pendingIndex.countDocuments({}),

    async find(key) {
      // The outcome first: a fold updates the message before deleting its outcome, so a fold
      // running between the two reads cannot hide the outcome from this one.
      const outcome = await outcomes.findOne({ _id: key });
      const stored = await outbox.findOne({ _id: key });
      if (!stored) return null;
      const doc = toDoc(stored);
      return outcome && doc.status === 'pending' ? { ...doc, ...outcomeFields(outcome) } : doc;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async nextPending(limit) {
      // Outcomes first: one recorded after this read is for the caller to skip.
      const done = (await outcomes.find({}, { projection: { _id: 1 } }).toArray()).map(
        (o) => o._id,
      );
      const entries = await pendingIndex
        .find(done.length > 0 ? { _id: { $nin: done } } : {})
        .sort({ notBefore: 1, _id: 1 })
        .limit(limit)
        .toArray();
      const messages = await Promise.all(entries.map(({ _id }) => outbox.findOne({ _id })));
      const pending: OutboxDoc[] = [];
      const stale = Date.now() - STALE_ENTRY_MS;
      for (const [i, message] of messages.entries()) {
        const entry = entries[i];
        if (message?.status === 'pending') pending.push(toDoc(message));
        // Left by a crash: its message finished before the fold, or never stored (an entry
        // younger than that may belong to an enqueue still storing its message).
        else if (message || entry.notBefore.getTime() < stale)
          await pendingIndex.deleteOne({ _id: entry._id });
      }
      return pending;
    },

    async recordOutcome(key, outcome) {
      try {
        await outcomes.insertOne({ _id: key, ...outcome });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err; // recorded already: an outcome is final
      }
    },

    async compact(limit) {
      const batch = await outcomes.find({}).limit(limit).toArray();
      for (const { _id: key, ...outcome } of batch) {
        // The message, its index entry, then its outcome: a crash in between repeats this fold.
        await outbox.updateOne({ _id: key }, { $set: outcomeFields(outcome) });
        await pendingIndex.deleteOne({ _id: key });
        await outcomes.deleteOne({ _id: key });
      }
      return batch.length;
    },

    // Only the lock holder writes these, so they go by `_id` alone: the one filter FerretDB
    // answers from its index.
    // The message's own `notBefore` decides; its entry only orders the reads, so a crash
    // between the two writes at worst reads the message a little early.
    async retryLater(key, notBefore, error, attempts, conversationId) {
      await outbox.updateOne(
        { _id: key },
        {
          $set: {
            notBefore,
            lastError: error,
            attempts,
            ...(conversationId ? { conversationId } : {}),
          },
        },
      );
      await pendingIndex.updateOne({ _id: key }, { $set: { notBefore } });
    },

    async defer(key, notBefore, conversationId) {
      await outbox.updateOne(
        { _id: key },
        { $set: { notBefore, ...(conversationId ? { conversationId } : {}) } },
      );
      await pendingIndex.updateOne({ _id: key }, { $set: { notBefore } });
    },

    async lock(owner, now, ttlMs) {
      const until = new Date(now.getTime() + ttlMs);
      const current = await locks.findOne({ _id: LOCK_ID });
      if (current && current.owner !== owner && current.until > now) return { held: false };
      if (!current) {
        try {
          await locks.insertOne({ _id: LOCK_ID, owner, until, acquiredAt: now });
          return { held: true };
        } catch (err) {
          if (isDuplicateKey(err)) return { held: false }; // another worker was quicker
          throw err;
        }
      }
      // Ours to renew, or free (released, or lapsed). The filter repeats what was read, so of
      // two workers taking over at once only one matches (atomic on MongoDB; on FerretDB the
      // writes of one process are serialised, and the embedded database has one process).
      const res = await locks.updateOne(
        { _id: LOCK_ID, owner: current.owner, until: current.until },
        { $set: { owner, until, ...(current.owner === owner ? {} : { acquiredAt: now }) } },
      );
      if (res.modifiedCount !== 1) return { held: false };
      // A released lock has an epoch `until`; any other lapsed one means its holder died.
      const lapsed = current.owner !== owner && current.until.getTime() > 0;
      return lapsed ? { held: true, tookOverFrom: current.owner } : { held: true };
    },

    async unlock(owner) {
      await locks.updateOne({ _id: LOCK_ID, owner }, { $set: { until: new Date(0) } });
    },

    async purgeFinished(before) {
      const filter: Filter<StoredMessage> = {
        $or: [
          { status: 'sent', sentAt: { $lt: before } },
          { status: { $in: ['failed', 'unreachable'] }, finishedAt: { $lt: before } },
        ],
      };
      // Found by a read, deleted by key: on FerretDB a deleteMany by this filter would hold up
      // every other write while it read a month of messages (see serialized-writes.ts).
      const old = await outbox.find(filter, { projection: { _id: 1 } }).toArray();
      let deleted = 0;
      for (const { _id } of old) deleted += (await outbox.deleteOne({ _id })).deletedCount;
      return deleted;
    },

    async removeFor(person) {
      const keys = (
        await outbox
          .find(
            { 'target.aadObjectId': person.aadObjectId },
            { projection: { _id: 1, 'target.tenantId': 1 } },
          )
          .toArray()
      )
        .filter((d) => belongsToTenant(d.target.tenantId, person.tenantId))
        .map((d) => d._id);
      let deleted = 0;
      for (const _id of keys) {
        await outcomes.deleteOne({ _id });
        deleted += (await outbox.deleteOne({ _id })).deletedCount;
        await pendingIndex.deleteOne({ _id });
      }
      return deleted;
    },
  };
}
