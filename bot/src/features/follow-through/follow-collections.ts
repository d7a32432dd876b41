import type { CollectionSpec } from '../../platform/store/collections';

export const followCollections = {
  followRounds: 'follow_rounds',
  followActions: 'follow_actions',
  followTeams: 'follow_teams',
  followPeople: 'follow_people',
} as const;

/**
 * Every read is by `_id` (a round's id; an action's id, found through the team's listing; the
 * team's id), served by the `_id` index on MongoDB and by FerretDB's only pushed-down filter.
 */
export const FOLLOW_COLLECTIONS: readonly CollectionSpec[] = [
  { name: followCollections.followRounds },
  { name: followCollections.followActions },
  { name: followCollections.followTeams },
  { name: followCollections.followPeople },
];
