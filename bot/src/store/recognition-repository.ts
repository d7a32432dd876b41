import { createHash } from 'node:crypto';
import type { Db, Filter } from 'mongodb';
import type { Logger } from '../logger';
import {
  tagKey,
  type Person,
  type Recognition,
  type RecognitionRepository,
  type RecognitionTag,
} from '../domain/recognition';
import { collections } from './collections';
import { batchInserts } from './batched-inserts';
import type { ChangeOutcome } from './coalesced-increments';
import type { TrustWeekCounter } from './trust-week-repository';

interface RecognitionDoc {
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

/** Records being removed are gone for every reader. */
const visible: Filter<RecognitionDoc> = { pending: { $ne: 'uncount' } };

export function createRecognitionRepository(
  db: Db,
  weeks: TrustWeekCounter,
  logger: Logger,
): RecognitionRepository & { finishPending(): Promise<number> } {
  const recognitions = db.collection<RecognitionDoc>(collections.recognitions);
  // A team thanking each other after a launch stores many at once.
  const insert = batchInserts(recognitions);
  const countField = (doc: Pick<RecognitionDoc, 'tagKey'>) => `recognitions.${doc.tagKey}`;

  /** Clears a finished change from its record and forgets its name; the sweep redoes a failure. */
  const tidy = async (doc: RecognitionDoc, pending: 'count' | 'uncount') => {
    try {
      if (pending === 'count') {
        await recognitions.updateOne({ _id: doc._id, pending }, { $unset: { pending: '' } });
      } else {
        await recognitions.deleteOne({ _id: doc._id, pending });
      }
      await weeks.forget(doc.teamId, doc.week, [changeName(doc._id, pending)]);
    } catch (err) {
      logger.warn('a counted recognition is left marked; the next start-up sweep clears it', {
        err,
        recognition: doc._id,
      });
    }
  };

  /** Applies the change a record owes (once), then tidies up after it. */
  const finish = async (
    doc: RecognitionDoc,
    pending: 'count' | 'uncount',
  ): Promise<ChangeOutcome> => {
    const outcome = await weeks.countOnce(
      doc.teamId,
      doc.week,
      changeName(doc._id, pending),
      countField(doc),
      pending === 'count' ? 1 : -1,
    );
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
      if ((await insert(doc)) === 'inserted') {
        await finish(doc, 'count');
        return { recognition: toRecognition(doc), created: true };
      }
      const first = await recognitions.findOne({ _id: doc._id });
      if (!first) throw new Error(`recognition ${doc._id} vanished during a retry`);
      // A first try cut off before counting is finished by its retry, which then posts the card.
      const created = first.pending === 'count' && (await finish(first, 'count')) === 'applied';
      return { recognition: toRecognition(first), created };
    },
    async list(teamId, query) {
      const filter: Filter<RecognitionDoc> = { teamId, ...visible };
      if (query.tag) filter.tagKey = query.tag;
      if (query.recipient) filter.recipientIds = query.recipient;
      if (query.before) {
        filter.$or = [
          { createdAt: { $lt: query.before.createdAt } },
          { createdAt: query.before.createdAt, _id: { $lt: query.before.id } },
        ];
      }
      const docs = await recognitions
        .find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .limit(query.limit)
        .toArray();
      return docs.map(toRecognition);
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
      const docs = await recognitions
        .find(
          { teamId, createdAt: { $gte: since }, ...visible },
          { projection: { recipientIds: 1 } },
        )
        .toArray();
      return new Set(docs.flatMap((d) => d.recipientIds));
    },

    /**
     * Finishes the changes that records still owe after a crash or a lost connection; run at
     * start-up (on FerretDB it reads the whole collection; on MongoDB the `pending` index).
     */
    async finishPending() {
      let finished = 0;
      // One pass: finishing is idempotent, so a record the cursor shows twice costs nothing.
      for await (const doc of recognitions.find({ pending: { $exists: true } })) {
        if (doc.pending) await finish(doc, doc.pending);
        finished += 1;
      }
      return finished;
    },
  };
}
