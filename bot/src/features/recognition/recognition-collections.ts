import type { CollectionSpec } from '../../platform/store/collections';

export const recognitionCollections = {
  recognitions: 'recognitions',
  recognitionMonths: 'recognition_months',
  recognitionChanges: 'recognition_changes',
} as const;

export const RECOGNITION_COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: recognitionCollections.recognitions,
    // Every read of a team's recognitions goes through the wall index (recognition_months) and
    // then by `_id`; these serve the rest: a person's export and erasure (given, received) and
    // the start-up sweep (only records whose counter change is unfinished carry `pending`).
    indexes: [
      { keys: { 'sender.aadObjectId': 1 } },
      { keys: { recipientIds: 1 } },
      { keys: { pending: 1 }, options: { sparse: true } },
    ],
    // The wall's reads before the wall index: FerretDB kept them up on every insert.
    retiredIndexes: [
      'teamId_1_createdAt_-1__id_-1',
      'teamId_1_tagKey_1_createdAt_-1',
      'teamId_1_recipientIds_1_createdAt_-1',
    ],
  },
  { name: recognitionCollections.recognitionMonths },
  { name: recognitionCollections.recognitionChanges },
];
