import { createHash, randomBytes } from 'node:crypto';
import type { Db, Filter } from 'mongodb';
import type { Logger } from '../../logger';
import {
  tagKey,
  type Person,
  type Recognition,
  type RecognitionRepository,
  type RecognitionTag,
} from './domain/recognition';
import { collections } from '../../platform/store/collections';
import { batchInserts, insertEach, type InsertOutcome } from '../../platform/store/batched-inserts';
import { groupCommit } from '../../platform/store/group-commit';
import { batchBulkWrites } from '../../platform/store/batched-bulk-writes';
import { keyedLock } from '../../platform/store/keyed-lock';
import type { ChangeOutcome } from '../../platform/store/coalesced-increments';
import type { TrustWeekCounter } from '../trust-health';
import { createWallIndex, wallEntryOf, type WallEntry } from './wall-index';
import { recognitionCollections } from './recognition-collections';

export interface RecognitionDoc {
  _id: string;
  teamId: string;
  week: string;
  sender: Person;
  recipients: Person[];
  recipientIds: string[];
  tag: RecognitionTag;
  tagKey: string;
  message: string;
  agreement?: { id: string; title: string };
  createdAt: Date;
  /**
   * The counter change this record still owes its week, set in the same write that marks the
   * record, cleared once the change is applied: whoever finds it (a retry, a removal, the start-up
   * sweep) finishes the change, which counts once however often it is finished. A removal sets
   * `uncount`; `count` is only on records stored by versions before unmarked notes (a record is
   * now stored unmarked, its count owed while its note says so).
   */
  pending?: 'count' | 'uncount';
  /**
   * The note this record was stored under, with the others inserted beside it (see
   * UnfinishedDoc.ids): its count may be owed while that note is there.
   */
  note?: string;
  /**
   * On records stored by versions before notes named their batch: the attempt whose note, keyed
   * by the record's id, it was stored under (see UnfinishedDoc.attempt).
   */
  attempt?: string;
}

const toRecognition = (d: RecognitionDoc): Recognition => ({
  id: d._id,
  teamId: d.teamId,
  week: d.week,
  sender: d.sender,
  recipients: d.recipients,
  tag: d.tag,
  message: d.message,
  ...(d.agreement ? { agreement: d.agreement } : {}),
  createdAt: d.createdAt,
});

/** A short stable id derived from the idempotency key, so a retry lands on the same document. */
export const recognitionIdFor = (key: string) =>
  createHash('sha256').update(key).digest('hex').slice(0, 24);

/** The change of a recognition's counter: named by the record, and by `-` for its removal. */
const changeName = (id: string, pending: 'count' | 'uncount') =>
  pending === 'count' ? id : `${id}-`;

/**
 * A counter change not yet finished, so the start-up sweep reads what is unfinished instead of
 * every record (on FerretDB, every team's). Deleted once it is tidied.
 *
 * `ids`: the note of new recognitions inserted together, written before them; each is stored
 * without a mark, naming this note. While the note is there their counts may be owed (finishing
 * one counts once: its name stays in the week until after the note is gone); once it is gone
 * they are counted. One note per insert instead of one per record, and no second write of a
 * record to clear a mark.
 *
 * Otherwise the note is named as its record's change (`<id>` to count, `<id>-` to uncount),
 * written before the change is marked on its record (a removal). `unmarked`: the note of one new
 * recognition stored without a mark, written by versions before batch notes.
 */
interface UnfinishedDoc {
  _id: string;
  at: Date;
  ids?: string[];
  unmarked?: true;
  /**
   * The attempt that wrote the note. A record carries the attempt of the note it was stored
   * under, so an unmarked note owes its record's count only when the two name the same attempt:
   * a note written by a later delivery, which found the record stored and counted, names another
   * and owes nothing (a crash before it is deleted leaves nothing to count).
   */
  attempt?: string;
}

/**
 * A name for the note of one insert, unique among every process's: this process's random prefix
 * and a count (random bytes per note cost 1% of a storing answer).
 */
const notePrefix = `+${randomBytes(6).toString('base64url')}`;
let notes = 0;
const newNoteId = () => `${notePrefix}${(notes += 1).toString(36)}`;

/**
 * Whether a note keyed by its record's id says that the record's count may still be owed; never
 * for a record stored under a batch's note, whose count only that note can owe.
 */
const owes = (doc: RecognitionDoc, note: UnfinishedDoc | null) =>
  !doc.note && note?.unmarked === true && note.attempt === doc.attempt;

/**
 * The records of one insert, tidied together once each is finished: counted (its name then
 * forgotten), owing nothing to this note (a duplicate), or failed (the note stays for the sweep).
 */
interface NotedBatch {
  id: string;
  /** Resolves once the batch is tidied, or left for the sweep. */
  finished(counted?: RecognitionDoc | 'failed'): Promise<void>;
}

/** An entry this old without its record was left by a crash before the record was stored. */
const STALE_ENTRY_MS = 10 * 60_000;

/** Records being removed are gone for every reader. */
const visible: Filter<RecognitionDoc> = { pending: { $ne: 'uncount' } };

/** Long only as a factory: the repository's methods, each short, over the same collections. */
export function createRecognitionRepository(
  db: Db,
  weeks: TrustWeekCounter,
  logger: Logger,
): RecognitionRepository & { catchUp(): Promise<number> } {
  const recognitions = db.collection<RecognitionDoc>(recognitionCollections.recognitions);
  const wall = createWallIndex(db);
  const meta = db.collection<{ _id: string; listedAt?: Date }>(collections.meta);
  const unfinished = db.collection<UnfinishedDoc>(recognitionCollections.recognitionChanges);
  const noteInsert = batchInserts(unfinished);
  /** Notes a change before it is marked on its record; a repeat finds it noted already. */
  const note = async (id: string, pending: 'count' | 'uncount') => {
    await noteInsert({ _id: changeName(id, pending), at: new Date() });
  };
  /** Whether the count of a record stored unmarked may still be owed (its note is there). */
  const owesCount = async (doc: RecognitionDoc) =>
    doc.note
      ? (await unfinished.findOne({ _id: doc.note }, { projection: { _id: 1 } })) !== null
      : owes(doc, await unfinished.findOne({ _id: changeName(doc._id, 'count') }));
  const countField = (doc: Pick<RecognitionDoc, 'tagKey'>) => `recognitions.${doc.tagKey}`;

  // The tidying after each recognition, three writes of it, goes out with that of the others
  // being tidied meanwhile: one bulk write of their records, one of their notes.
  const tidyRecord = batchBulkWrites(recognitions);
  const tidyNote = batchBulkWrites(unfinished);
  /** Each recognition's steps, one attempt (or removal, or sweep) at a time in this process. */
  const hold = keyedLock();

  /** Clears a finished change from its record and forgets its name; the sweep redoes a failure. */
  const tidy = async (doc: RecognitionDoc, pending: 'count' | 'uncount') => {
    try {
      await tidyRecord(
        pending === 'count'
          ? {
              updateOne: {
                filter: { _id: doc._id, pending },
                update: { $unset: { pending: '' } },
              },
            }
          : { deleteOne: { filter: { _id: doc._id, pending } } },
      );
      // A removed record's count name too: a batch's note, left by a failure, may still hold it,
      // and a redelivery that stores the recognition again must be counted.
      const names = pending === 'count' ? [doc._id] : [changeName(doc._id, 'uncount'), doc._id];
      await weeks.forget(doc.teamId, doc.week, names);
      await tidyNote({ deleteOne: { filter: { _id: changeName(doc._id, pending) } } });
    } catch (err) {
      logger.warn('a counted recognition is left marked; the next start-up sweep clears it', {
        err,
        recognition: doc._id,
      });
    }
  };

  /** Applies the change a record owes (once) and lists or unlists it: both idempotent. */
  const apply = async (
    doc: RecognitionDoc,
    pending: 'count' | 'uncount',
  ): Promise<ChangeOutcome> => {
    const [outcome] = await Promise.all([
      weeks.countOnce(
        doc.teamId,
        doc.week,
        changeName(doc._id, pending),
        countField(doc),
        pending === 'count' ? 1 : -1,
      ),
      pending === 'count'
        ? wall.add(doc.teamId, wallEntryOf(doc))
        : wall.remove(doc.teamId, wallEntryOf(doc)),
    ]);
    return outcome;
  };

  /** Applies what a record owes, then tidies up after it. */
  const finish = async (doc: RecognitionDoc, pending: 'count' | 'uncount') => {
    const outcome = await apply(doc, pending);
    await tidy(doc, pending);
    return outcome;
  };

  /**
   * Forgets a counted unmarked record's note, then its name in the week; the sweep redoes a
   * failure. In this order, a note still there always means the name is too, so finishing the
   * count again is refused. A crash between the two leaves the name in the week for good: a few
   * bytes, never a wrong count (nothing applies the name again once the note is gone).
   */
  const tidyUnmarked = async (doc: RecognitionDoc) => {
    const name = changeName(doc._id, 'count');
    try {
      await tidyNote({ deleteOne: { filter: { _id: name } } });
      await weeks.forget(doc.teamId, doc.week, [name]);
    } catch (err) {
      logger.warn('a counted recognition’s note is left; the next start-up sweep clears it', {
        err,
        recognition: doc._id,
      });
    }
  };

  /**
   * Counts and lists an unmarked record whose note says it may be owed, then tidies a note of
   * its own; the note of a batch stays until its batch or the sweep tidies it.
   */
  const finishUnmarked = async (doc: RecognitionDoc) => {
    const outcome = await apply(doc, 'count');
    if (!doc.note) await tidyUnmarked(doc);
    return outcome;
  };

  /** Forgets a finished batch's note, then its records' names; the sweep redoes a failure. */
  const tidyBatch = async (id: string, counted: RecognitionDoc[]) => {
    try {
      await tidyNote({ deleteOne: { filter: { _id: id } } });
      await Promise.all(
        counted.map((doc) => weeks.forget(doc.teamId, doc.week, [changeName(doc._id, 'count')])),
      );
    } catch (err) {
      logger.warn('counted recognitions’ note is left; the next start-up sweep clears it', {
        err,
        note: id,
      });
    }
  };

  const notedBatch = (size: number): NotedBatch => {
    const id = newNoteId();
    const counted: RecognitionDoc[] = [];
    let left = size;
    let failed = false;
    let done = () => {};
    const tidied = new Promise<void>((resolve) => (done = resolve));
    return {
      id,
      finished(outcome) {
        if (outcome === 'failed') failed = true;
        else if (outcome) counted.push(outcome);
        left -= 1;
        if (left === 0) {
          if (failed) done();
          else void tidyBatch(id, counted).finally(done);
        }
        return tidied;
      },
    };
  };

  /**
   * A team thanking each other after a launch stores many at once: the records arriving while
   * an insert is in flight go out together as the next, after one note naming them all.
   */
  const store = groupCommit<RecognitionDoc, { fate: InsertOutcome; batch: NotedBatch }>(
    async (waiting) => {
      const batch = notedBatch(waiting.length);
      const ids = waiting.map((w) => w.item._id);
      await unfinished.insertOne({ _id: batch.id, at: new Date(), ids });
      const fates = await insertEach(
        recognitions,
        waiting.map((w) => ({ ...w.item, note: batch.id })),
      );
      fates.forEach((fate, index) => {
        if (fate instanceof Error) {
          void batch.finished('failed');
          waiting[index].reject(fate);
        } else waiting[index].resolve({ fate, batch });
      });
    },
    100,
  );

  /**
   * A record stored before, by an attempt cut off or still running: finishes what it may owe
   * (the retry then posts the card) and answers with it.
   */
  const retried = async (first: RecognitionDoc) => {
    let created = false;
    if (first.pending === 'count') created = (await finish(first, 'count')) === 'applied';
    else if (!first.pending && (await owesCount(first)))
      created = (await finishUnmarked(first)) === 'applied';
    return { recognition: toRecognition(first), created };
  };

  /** Takes a record away, counted first (so the removal takes away a change that was made). */
  const removeHeld = async (teamId: string, id: string) => {
    const doc = await recognitions.findOne({ _id: id, teamId });
    if (!doc) return false;
    if (doc.pending === 'count') await finish(doc, 'count');
    else if (!doc.pending && (await owesCount(doc))) await finishUnmarked(doc);
    if (doc.pending !== 'uncount') {
      await note(id, 'uncount');
      const marked = await recognitions.updateOne(
        { _id: id, teamId, ...visible },
        { $set: { pending: 'uncount' } },
      );
      if (marked.matchedCount === 0) return false; // removed by a concurrent call
    }
    await finish(doc, 'uncount');
    return true;
  };

  /**
   * Counts what the records of a batch's note may still owe, then drops the note and forgets
   * their names. Each is read under its record's lock, with the note again: the batch may have
   * been tidied by its attempt in this process since the note was listed. A young note naming a
   * record not stored may be of records being stored now: it stays.
   */
  const sweepBatch = async (noteId: string, ids: string[], at: Date): Promise<number> => {
    const counted: RecognitionDoc[] = [];
    let storing = false;
    for (const id of ids) {
      const release = await hold(id);
      try {
        if (!(await unfinished.findOne({ _id: noteId }, { projection: { _id: 1 } }))) return 0;
        const doc = await recognitions.findOne({ _id: id });
        if (doc && !doc.pending && doc.note === noteId) {
          await apply(doc, 'count');
          counted.push(doc);
        } else if (!doc && at.getTime() >= Date.now() - STALE_ENTRY_MS) storing = true;
      } finally {
        release();
      }
    }
    if (!storing) await tidyBatch(noteId, counted);
    return counted.length;
  };

  /**
   * Finishes what the change a note names may still owe, or drops the note; read again under
   * the record's lock, since an attempt in this process may have finished it since it was listed.
   * Says how many records it finished.
   */
  const sweep = async (noteId: string): Promise<number> => {
    const batch = await unfinished.findOne({ _id: noteId });
    if (batch?.ids) return sweepBatch(noteId, batch.ids, batch.at);
    const pending = noteId.endsWith('-') ? 'uncount' : 'count';
    const id = pending === 'uncount' ? noteId.slice(0, -1) : noteId;
    const release = await hold(id);
    try {
      const entry = await unfinished.findOne({ _id: noteId });
      if (!entry) return 0;
      const doc = await recognitions.findOne({ _id: id });
      if (doc?.pending === pending) {
        await finish(doc, pending);
        return 1;
      }
      if (doc && !doc.pending && owes(doc, entry)) {
        await finishUnmarked(doc);
        return 1;
      }
      // Finished, owing nothing, or its record never stored: a younger one may be a record
      // being stored now.
      if (doc || pending === 'uncount' || entry.at.getTime() < Date.now() - STALE_ENTRY_MS)
        await unfinished.deleteOne({ _id: noteId });
      return 0;
    } finally {
      release();
    }
  };

  return {
    async record(key, r) {
      const doc: RecognitionDoc = {
        _id: recognitionIdFor(key),
        teamId: r.teamId,
        week: r.week,
        sender: r.sender,
        recipients: r.recipients,
        recipientIds: r.recipients.map((p) => p.aadObjectId),
        tag: r.tag,
        tagKey: tagKey(r.tag),
        message: r.message,
        ...(r.agreement ? { agreement: { id: r.agreement.id, title: r.agreement.title } } : {}),
        createdAt: r.createdAt,
      };
      // One delivery of an activity at a time: a second one waits for the first to be tidied,
      // so that it never counts what the first is forgetting (two at once counted twice).
      const release = await hold(doc._id);
      let stored: { fate: InsertOutcome; batch: NotedBatch };
      try {
        stored = await store(doc);
      } catch (err) {
        release();
        throw err;
      }
      const { fate, batch } = stored;
      if (fate === 'inserted') {
        const mine: RecognitionDoc = { ...doc, note: batch.id };
        try {
          await apply(mine, 'count');
        } catch (err) {
          void batch.finished('failed');
          release();
          throw err;
        }
        // Counted and listed: the answer need not wait for the tidying, which only forgets the
        // note and the name that a retry or the start-up sweep would otherwise find (it logs).
        void batch.finished(mine).finally(release);
        return { recognition: toRecognition(mine), created: true };
      }
      // Stored before, by an attempt that stopped or finished (a redelivery): this batch's note
      // owes nothing for it, since the record names the note it was stored under.
      void batch.finished();
      try {
        const first = await recognitions.findOne({ _id: doc._id });
        if (!first) throw new Error(`recognition ${doc._id} vanished during a retry`);
        return await retried(first);
      } finally {
        release();
      }
    },
    async list(teamId, query) {
      const entries = wall.entries(teamId, {
        tag: query.tag,
        recipient: query.recipient,
        before: query.before && { at: query.before.createdAt.getTime(), id: query.before.id },
      });
      const page: Recognition[] = [];
      // Entries of records erased meanwhile are skipped; the page still fills up.
      while (page.length < query.limit) {
        const batch: WallEntry[] = [];
        while (batch.length < query.limit - page.length) {
          const next = await entries.next();
          if (next.done) break;
          batch.push(next.value);
        }
        if (batch.length === 0) break;
        const docs = await Promise.all(batch.map((e) => recognitions.findOne({ _id: e.id })));
        for (const doc of docs) if (doc && doc.pending !== 'uncount') page.push(toRecognition(doc));
      }
      return page;
    },

    async find(teamId, id) {
      const doc = await recognitions.findOne({ _id: id, teamId, ...visible });
      return doc ? toRecognition(doc) : undefined;
    },

    async remove(teamId, id) {
      const release = await hold(id);
      try {
        return await removeHeld(teamId, id);
      } finally {
        release();
      }
    },

    async recognizedSince(teamId, since) {
      return new Set((await wall.since(teamId, since)).flatMap((e) => e.to));
    },

    /**
     * Finishes the changes that records still owe after a crash or a lost connection, found from
     * the notes of unfinished changes (a read of that small collection; on MongoDB its `_id`
     * index, then each record by key). Once, it also finishes the records marked before those
     * notes existed and lists the records stored before the wall index existed: passes over every
     * record, without a time limit since a search that matches nothing answers only at its end.
     * Run at start-up in the background.
     */
    async catchUp() {
      let finished = 0;
      for await (const entry of unfinished.find({}, { projection: { _id: 1 } })) {
        finished += await sweep(entry._id);
      }
      const once = { timeoutMS: 0 };
      if (!(await meta.findOne({ _id: 'recognition-changes' }))) {
        // One pass: finishing is idempotent, so a record the cursor shows twice costs nothing.
        for await (const doc of recognitions.find({ pending: { $exists: true } }, once)) {
          if (doc.pending) await finish(doc, doc.pending);
          finished += 1;
        }
        await meta.updateOne(
          { _id: 'recognition-changes' },
          { $set: { listedAt: new Date() } },
          { upsert: true },
        );
      }
      if (await meta.findOne({ _id: 'wall-index' })) return finished;
      for await (const doc of recognitions.find({ pending: { $exists: false } }, once)) {
        await wall.add(doc.teamId, wallEntryOf(doc));
      }
      await meta.updateOne(
        { _id: 'wall-index' },
        { $set: { listedAt: new Date() } },
        { upsert: true },
      );
      return finished;
    },
  };
}
