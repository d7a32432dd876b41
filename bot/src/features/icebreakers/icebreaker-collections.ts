import type { CollectionSpec } from '../../platform/store/collections';

export const icebreakerCollections = {
  icebreakerDecks: 'icebreaker_decks',
  icebreakerSettings: 'icebreaker_settings',
} as const;

/**
 * Every read is by `_id` (the team's or chat's id), served by the `_id` index on MongoDB and by
 * FerretDB's only pushed-down filter: no other index is needed.
 */
export const ICEBREAKER_COLLECTIONS: readonly CollectionSpec[] = [
  { name: icebreakerCollections.icebreakerDecks },
  { name: icebreakerCollections.icebreakerSettings },
];
