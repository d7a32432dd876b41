import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonKey } from '../../platform/domain/person-key';
import type { PersonalDataPart, PersonalDataScope } from '../../platform/domain/personal-data';
import { tagKey } from './domain/recognition';
import { recognitionCollections } from './recognition-collections';
import type { RecognitionDoc } from './recognition-repository';
import { createWallIndex, wallEntryOf } from './wall-index';

const exportedRecognition = z.strictObject({
  id: z.string(),
  teamId: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  tag: z.string(),
  message: z.string(),
  createdAt: z.iso.datetime(),
});

/**
 * The recognitions a person gave or received. Searched across teams (by the `sender.aadObjectId`
 * and `recipientIds` indexes on MongoDB, a scan on FerretDB): a rare request by one person, which
 * must find what they gave or received in a team they have left.
 */
export function createRecognitionPersonalData(db: Db): PersonalDataPart {
  const wall = createWallIndex(db);
  const recognitions = db.collection<RecognitionDoc>(recognitionCollections.recognitions);

  const find = async ({ aadObjectId: aad }: PersonKey, scope: PersonalDataScope) => {
    const [given, received] = await Promise.all([
      recognitions.find({ 'sender.aadObjectId': aad }).sort({ createdAt: -1 }).toArray(),
      recognitions.find({ recipientIds: aad }).sort({ createdAt: -1 }).toArray(),
    ]);
    const teams = await scope.inTenant([...given, ...received].map((r) => r.teamId));
    const ours = (r: RecognitionDoc) => teams.has(r.teamId);
    return { given: given.filter(ours), received: received.filter(ours) };
  };

  const view = (r: RecognitionDoc) => ({
    id: r._id,
    teamId: r.teamId,
    from: r.sender.name,
    to: r.recipients.map((p) => p.name),
    tag: tagKey(r.tag),
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  });

  return {
    exported: {
      recognitionsGiven: z.array(exportedRecognition),
      recognitionsReceived: z.array(exportedRecognition),
    },

    async collect(person, scope) {
      const { given, received } = await find(person, scope);
      return { recognitionsGiven: given.map(view), recognitionsReceived: received.map(view) };
    },

    async erase(person, scope) {
      const { given, received } = await find(person, scope);
      // Recognitions go whole (given or received): a message about someone is their data too.
      // Weekly counts are not decremented: they hold no names, and trends must not shift.
      const erased = new Map([...given, ...received].map((r) => [r._id, r]));
      // Off the wall first: an index entry holds the recipients' ids.
      for (const r of erased.values()) await wall.remove(r.teamId, wallEntryOf(r));
      const deleted =
        erased.size === 0
          ? { deletedCount: 0 }
          : await recognitions.deleteMany({ _id: { $in: [...erased.keys()] } });
      return { recognitionsDeleted: deleted.deletedCount };
    },
  };
}
