import type { CollectionSpec } from '../../platform/store/collections';

export const recognitionCollections = {
  recognitions: 'recognitions',
  recognitionMonths: 'recognition_months',
  recognitionChanges: 'recognition_changes',
} as const;

export const RECOGNITION_COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: recognitionCollections.recognitions,
    indexes: [
      { keys: { teamId: 1, createdAt: -1, _id: -1 } },
      { keys: { teamId: 1, tagKey: 1, createdAt: -1 } },
      { keys: { teamId: 1, recipientIds: 1, createdAt: -1 } },
      { keys: { 'sender.aadObjectId': 1 } },
      // Only records whose counter change is unfinished carry `pending`: the start-up sweep's query.
      { keys: { pending: 1 }, options: { sparse: true } },
    ],
  },
  { name: recognitionCollections.recognitionMonths },
  { name: recognitionCollections.recognitionChanges },
];
