import { createHash } from 'node:crypto';
import type { Db, Filter } from 'mongodb';
import {
  tagKey,
  type Person,
  type Recognition,
  type RecognitionRepository,
  type RecognitionTag,
} from '../domain/recognition';
import { collections } from './collections';
import { batchInserts } from './batched-inserts';
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

export function createRecognitionRepository(
  db: Db,
  weeks: TrustWeekCounter,
): RecognitionRepository {
  const recognitions = db.collection<RecognitionDoc>(collections.recognitions);
  // A team thanking each other after a launch stores many at once.
  const insert = batchInserts(recognitions);
  const countField = (doc: Pick<RecognitionDoc, 'tagKey'>) => `recognitions.${doc.tagKey}`;

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
      if ((await insert(doc)) === 'duplicate') {
        const first = await recognitions.findOne({ _id: doc._id });
        return { recognition: toRecognition(first ?? doc), created: false };
      }
      await weeks.count(doc.teamId, doc.week, countField(doc));
      return { recognition: toRecognition(doc), created: true };
    },

    async list(teamId, query) {
      const filter: Filter<RecognitionDoc> = { teamId };
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
      const doc = await recognitions.findOne({ _id: id, teamId });
      return doc ? toRecognition(doc) : undefined;
    },

    async remove(teamId, id) {
      const doc = await recognitions.findOneAndDelete({ _id: id, teamId });
      if (!doc) return false;
      await weeks.uncount(doc.teamId, doc.week, countField(doc));
      return true;
    },

    async recognizedSince(teamId, since) {
      const docs = await recognitions
        .find({ teamId, createdAt: { $gte: since } }, { projection: { recipientIds: 1 } })
        .toArray();
      return new Set(docs.flatMap((d) => d.recipientIds));
    },
  };
}
