import { createHash } from 'node:crypto';
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
import { batchInserts } from '../../platform/store/batched-inserts';
import { batchBulkWrites } from '../../platform/store/batched-bulk-writes';
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
   * The counter change this record still owes its week, set in the same write that stores or
   * marks the record, cleared once the change is applied: whoever finds it (a retry, a removal,
   * the start-up sweep) finishes the change, which counts once however often it is finished.
   */
  pending?: 'count' | 'uncount';
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
 * A counter change not yet finished, named as its record's change (`<id>` to count, `<id>-` to
 * uncount): written before the change is marked on its record, deleted once it is tidied, so the
 * start-up sweep reads what is unfinished instead of every record (on FerretDB, every team's).
 */
interface UnfinishedDoc {
  _id: string;
  at: Date;
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
  // A team thanking each other after a launch stores many at once.
  const insert = batchInserts(recognitions);
  const noteInsert = batchInserts(unfinished);
  /** Notes a change before it is marked on its record; a repeat finds it noted already. */
  const note = async (id: string, pending: 'count' | 'uncount') => {
    await noteInsert({ _id: changeName(id, pending), at: new Date() });
  };
  const countField = (doc: Pick<RecognitionDoc, 'tagKey'>) => `recognitions.${doc.tagKey}`;

  // The tidying after each recognition, three writes of it, goes out with that of the others
  // being tidied meanwhile: one bulk write of their records, one of their notes.
  const tidyRecord = batchBulkWrites(recognitions);
  const tidyNote = batchBulkWrites(unfinished);

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
      await weeks.forget(doc.teamId, doc.week, [changeName(doc._id, pending)]);
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
        pending: 'count',
      };
      await note(doc._id, 'count');
      if ((await insert(doc)) === 'inserted') {
        await apply(doc, 'count');
        // Counted and listed: the answer need not wait for the tidying, which only clears marks
        // that a retry or the start-up sweep would otherwise find and pass over (tidy logs).
        void tidy(doc, 'count');
        return { recognition: toRecognition(doc), created: true };
      }
      const first = await recognitions.findOne({ _id: doc._id });
      if (!first) throw new Error(`recognition ${doc._id} vanished during a retry`);
      // A first try cut off before counting is finished by its retry, which then posts the card.
      const created = first.pending === 'count' && (await finish(first, 'count')) === 'applied';
      return { recognition: toRecognition(first), created };
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
      const doc = await recognitions.findOne({ _id: id, teamId });
      if (!doc) return false;
      // Counted first, so that the removal always takes away a change that was made.
      if (doc.pending === 'count') await finish(doc, 'count');
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
      for await (const entry of unfinished.find({})) {
        const pending = entry._id.endsWith('-') ? 'uncount' : 'count';
        const id = pending === 'uncount' ? entry._id.slice(0, -1) : entry._id;
        const doc = await recognitions.findOne({ _id: id });
        if (doc?.pending === pending) {
          await finish(doc, pending);
          finished += 1;
        } else if (
          doc ||
          pending === 'uncount' ||
          entry.at.getTime() < Date.now() - STALE_ENTRY_MS
        ) {
          // Finished, or its record never stored: a younger one may be a record being stored now.
          await unfinished.deleteOne({ _id: entry._id });
        }
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
