import type { CollectionSpec } from '../../platform/store/collections';

export const interestsCollections = {
  interestTeams: 'interest_teams',
  interestPeople: 'interest_people',
} as const;

/**
 * Every read is by `_id` (the team's id; `<tenant>|<person>`): a team's circles and talks are one
 * document, so no other index is needed, on MongoDB as on FerretDB.
 */
export const INTERESTS_COLLECTIONS: readonly CollectionSpec[] = [
  { name: interestsCollections.interestTeams },
  { name: interestsCollections.interestPeople },
];
